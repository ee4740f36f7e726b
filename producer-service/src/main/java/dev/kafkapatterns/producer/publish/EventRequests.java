package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.producer.problem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Checks publish requests against the contract and turns them into events. Every request of a
 * batch is checked before any event is created, so a batch is published whole or not at all.
 */
@Component
class EventRequests {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Validator validator;

	private final PublishProperties publish;

	private final Clock clock;

	EventRequests(Validator validator, PublishProperties publish) {
		this.validator = validator;
		this.publish = publish;
		this.clock = Clock.systemUTC();
	}

	Event toEvent(PublishEventRequest request, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		checkIdempotencyKey(idempotencyKey, problems);
		check(request, "", problems);
		throwIfAny(problems, "The event is invalid");
		String id = (idempotencyKey != null) ? idFor(idempotencyKey) : UUID.randomUUID().toString();
		return create(id, request, this.clock.instant());
	}

	List<Event> toEvents(List<PublishEventRequest> requests, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		checkIdempotencyKey(idempotencyKey, problems);
		if (requests.isEmpty() || requests.size() > this.publish.maxBatchSize()) {
			problems.add(new FieldProblem("(body)", "a batch holds 1 to " + this.publish.maxBatchSize()
					+ " events; this one holds " + requests.size()));
			throwIfAny(problems, "The batch size is out of bounds");
		}
		for (int i = 0; i < requests.size(); i++) {
			check(requests.get(i), "[" + i + "]", problems);
		}
		throwIfAny(problems, "The batch has invalid events");
		Instant now = this.clock.instant();
		List<Event> events = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			String id = (idempotencyKey != null) ? idFor(idempotencyKey + "#" + i) : UUID.randomUUID().toString();
			events.add(create(id, requests.get(i), now));
		}
		return events;
	}

	private void check(PublishEventRequest request, String prefix, List<FieldProblem> problems) {
		if (request == null) {
			problems.add(new FieldProblem(prefix.isEmpty() ? "(body)" : prefix, "must be an event object"));
			return;
		}
		this.validator.validate(request)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<PublishEventRequest> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.forEach((violation) -> problems.add(new FieldProblem(
					(prefix.isEmpty() ? "" : prefix + ".") + violation.getPropertyPath(), violation.getMessage())));
	}

	private static void checkIdempotencyKey(String idempotencyKey, List<FieldProblem> problems) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 256
				|| idempotencyKey.chars().anyMatch(Character::isISOControl))) {
			problems.add(new FieldProblem(IDEMPOTENCY_KEY,
					"must be 1 to 256 characters long, not blank, without control characters"));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems, String message) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(message + " (" + problems.size() + " "
					+ ((problems.size() == 1) ? "problem" : "problems") + ").", problems);
		}
	}

	/** A retried request with the same key gets the same id, so consumers can tell it is a retry. */
	private static String idFor(String idempotencyKey) {
		return UUID.nameUUIDFromBytes(("idempotency-key:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Event create(String id, PublishEventRequest request, Instant occurredAt) {
		String key = (request.key() != null) ? request.key() : id;
		return new Event(id, request.type(), key, request.payload(), occurredAt);
	}

}
