package dev.kafkapatterns.producer.publish;

import java.net.URI;
import java.util.List;

import dev.kafkapatterns.model.Event;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events} and {@code POST /api/events/batch}. Both answer 202 only after the
 * broker acknowledged every event, with the partition and offset each one went to.
 */
@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
class EventController {

	private final EventRequests requests;

	private final EventPublisher publisher;

	private final ApplicationEventPublisher applicationEvents;

	EventController(EventRequests requests, EventPublisher publisher, ApplicationEventPublisher applicationEvents) {
		this.requests = requests;
		this.publisher = publisher;
		this.applicationEvents = applicationEvents;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PublishedEvent> publish(@RequestBody PublishEventRequest request,
			@RequestHeader(name = EventRequests.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		Event event = this.requests.toEvent(request, idempotencyKey);
		PublishedEvent published = publishAll(List.of(event)).get(0);
		return ResponseEntity.accepted().location(URI.create("/api/events/" + published.id())).body(published);
	}

	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BatchPublished> publishBatch(@RequestBody List<PublishEventRequest> batch,
			@RequestHeader(name = EventRequests.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		List<Event> events = this.requests.toEvents(batch, idempotencyKey);
		return ResponseEntity.accepted().body(new BatchPublished(publishAll(events)));
	}

	private List<PublishedEvent> publishAll(List<Event> events) {
		try {
			List<PublishedEvent> published = this.publisher.publish(events);
			this.applicationEvents.publishEvent(new EventsAcknowledged(published));
			return published;
		}
		catch (BrokerUnavailableException ex) {
			// Part of a batch may have been written before the broker stopped answering.
			if (!ex.acknowledged().isEmpty()) {
				this.applicationEvents.publishEvent(new EventsAcknowledged(ex.acknowledged()));
			}
			throw ex;
		}
	}

	/**
	 * The answer to a batch: where each event went, in request order.
	 *
	 * @param results one result per event
	 */
	record BatchPublished(List<PublishedEvent> results) {
	}

}
