package dev.kafkapatterns.producer.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.producer.idempotency.IdempotencyLog;
import dev.kafkapatterns.producer.idempotency.KeyDecision;
import dev.kafkapatterns.producer.idempotency.KeyLogUnavailableException;
import dev.kafkapatterns.producer.idempotency.KeyRecord;
import dev.kafkapatterns.producer.idempotency.KeyRecord.Acknowledgement;
import dev.kafkapatterns.producer.publish.EventOutcome.Status;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A publish request from validated input to its answer. Without an {@code Idempotency-Key} the
 * events get new ids and are published. With one, the key is claimed first ({@link IdempotencyLog}):
 * the same request again gets the stored answer, the rest of a partly acknowledged one is
 * published under its ids, and a different request or one still in flight is refused.
 */
@Component
class PublishingService {

	private static final Logger logger = LoggerFactory.getLogger(PublishingService.class);

	private final EventRequests requests;

	private final EventPublisher publisher;

	private final IdempotencyLog keys;

	private final ApplicationEventPublisher applicationEvents;

	private final Duration ackTimeout;

	private final Duration retryAfter;

	PublishingService(EventRequests requests, EventPublisher publisher, IdempotencyLog keys,
			ApplicationEventPublisher applicationEvents, PublishProperties publish) {
		this.requests = requests;
		this.publisher = publisher;
		this.keys = keys;
		this.applicationEvents = applicationEvents;
		this.ackTimeout = publish.ackTimeout();
		this.retryAfter = publish.retryAfter();
	}

	/**
	 * Publishes valid requests.
	 * @param valid the requests, already checked
	 * @param idempotencyKey the key, already checked, or {@code null}
	 * @param fingerprint the request's fingerprint, used with a key
	 * @return where every event went; fails with {@link BrokerUnavailableException},
	 * {@link EventTooLargeException} or {@link IdempotencyKeyException}
	 */
	CompletableFuture<Publication> publish(List<PublishEventRequest> valid, String idempotencyKey, String fingerprint) {
		if (idempotencyKey == null) {
			List<String> ids = valid.stream().map((request) -> UUID.randomUUID().toString()).toList();
			List<Acknowledgement> none = Collections.nCopies(valid.size(), null);
			return send(valid, ids, none).thenApply((outcomes) -> answer(outcomes, false));
		}
		KeyDecision decision;
		try {
			decision = this.keys.begin(idempotencyKey, fingerprint, valid.size(), this.ackTimeout);
		}
		catch (KeyLogUnavailableException ex) {
			logger.warn("Answering 503: {}", ex.getMessage());
			List<EventOutcome> nothing = new ArrayList<>();
			throw new BrokerUnavailableException(nothing, this.ackTimeout, this.retryAfter, true);
		}
		if (decision instanceof KeyDecision.Replay replay) {
			return CompletableFuture.completedFuture(replayed(replay.answer()));
		}
		if (decision instanceof KeyDecision.InUse) {
			throw IdempotencyKeyException.inUse();
		}
		if (decision instanceof KeyDecision.Reused) {
			throw IdempotencyKeyException.reused();
		}
		KeyDecision.Proceed proceed = (KeyDecision.Proceed) decision;
		KeyRecord claim = proceed.claim();
		CompletableFuture<List<EventOutcome>> sent;
		try {
			sent = send(valid, claim.ids(), claim.acknowledged());
		}
		catch (EventTooLargeException ex) {
			// Release the key: the same request again gets the same answer, not a 409.
			this.keys.complete(proceed, claim.acknowledged(), this.ackTimeout);
			throw ex;
		}
		return sent.thenCompose((outcomes) -> this.keys
			.complete(proceed, outcomes.stream().map(PublishingService::acknowledgement).toList(), this.ackTimeout)
			.handle((stored, ex) -> {
				if (ex != null) {
					logger.warn("The answer to Idempotency-Key request {} was not stored: {}", claim.claim(), ex.getMessage());
				}
				return answer(outcomes, true);
			}));
	}

	/** Publishes the events not acknowledged before, under their ids; the others keep their outcome. */
	private CompletableFuture<List<EventOutcome>> send(List<PublishEventRequest> valid, List<String> ids,
			List<Acknowledgement> before) {
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < valid.size(); i++) {
			if (before.get(i) == null) {
				pending.add(i);
			}
		}
		List<Event> events = this.requests.toEvents(pending.stream().map(valid::get).toList(),
				pending.stream().map(ids::get).toList());
		var records = this.publisher.records(events);
		return this.publisher.send(records).thenApply((sent) -> {
			List<EventOutcome> outcomes = new ArrayList<>(valid.size());
			for (int i = 0; i < valid.size(); i++) {
				Acknowledgement known = before.get(i);
				outcomes.add((known != null) ? EventOutcome.acknowledged(i, new PublishedEvent(ids.get(i), known.topic(),
						known.partition(), known.offset(), known.timestamp())) : null);
			}
			List<PublishedEvent> fresh = new ArrayList<>();
			for (int j = 0; j < pending.size(); j++) {
				int index = pending.get(j);
				EventPublisher.Sent one = sent.get(j);
				if (one.status() == Status.ACKNOWLEDGED) {
					PublishedEvent published = one.published(ids.get(index));
					fresh.add(published);
					outcomes.set(index, EventOutcome.acknowledged(index, published));
				}
				else {
					outcomes.set(index, EventOutcome.notAcknowledged(index, ids.get(index), one.status()));
				}
			}
			if (!fresh.isEmpty()) {
				this.applicationEvents.publishEvent(new EventsAcknowledged(fresh));
			}
			return outcomes;
		});
	}

	private Publication answer(List<EventOutcome> outcomes, boolean keyed) {
		if (outcomes.stream().allMatch((outcome) -> outcome.status() == Status.ACKNOWLEDGED)) {
			return new Publication(outcomes.stream().map(EventOutcome::published).toList(), false);
		}
		BrokerUnavailableException unavailable = new BrokerUnavailableException(outcomes, this.ackTimeout,
				this.retryAfter, keyed);
		logger.warn("Answering 503: {}", unavailable.getBody().getDetail());
		throw unavailable;
	}

	private static Publication replayed(KeyRecord answer) {
		List<PublishedEvent> events = new ArrayList<>(answer.ids().size());
		for (int i = 0; i < answer.ids().size(); i++) {
			Acknowledgement known = answer.acknowledged().get(i);
			events.add(new PublishedEvent(answer.ids().get(i), known.topic(), known.partition(), known.offset(),
					known.timestamp()));
		}
		return new Publication(events, true);
	}

	private static Acknowledgement acknowledgement(EventOutcome outcome) {
		return (outcome.status() != Status.ACKNOWLEDGED) ? null
				: new Acknowledgement(outcome.topic(), outcome.partition(), outcome.offset(), outcome.timestamp());
	}

	/**
	 * Where every event of a request went.
	 *
	 * @param events one per event, in request order
	 * @param replayed whether this is the stored answer to an earlier request with the same key
	 */
	record Publication(List<PublishedEvent> events, boolean replayed) {
	}

}
