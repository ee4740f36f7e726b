package dev.kafkapatterns.producer.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.producer.problem.FieldProblem;
import dev.kafkapatterns.support.demo.DemoProperties;

import org.springframework.stereotype.Component;

/**
 * Reads publish requests, checks them against the contract and turns them into events. Every
 * request of a batch is checked before any event is created, so a batch is published whole or
 * not at all. The body is bound once, straight from its bytes.
 */
@Component
class EventRequests {

	/** The payload field that asks the workers for simulated work, in milliseconds. */
	private static final String WORK_MS = "workMs";

	private final ObjectReader eventReader;

	private final ObjectReader batchReader;

	private final Validator validator;

	private final PublishProperties publish;

	private final DemoProperties demo;

	private final Clock clock = Clock.systemUTC();

	EventRequests(JsonMapper json, Validator validator, PublishProperties publish, DemoProperties demo) {
		this.eventReader = json.readerFor(PublishEventRequest.class);
		this.batchReader = json.readerFor(new TypeReference<List<PublishEventRequest>>() {
		});
		this.validator = validator;
		this.publish = publish;
		this.demo = demo;
	}

	/** Reads and checks the body of {@code POST /api/events}; a JSON failure is thrown as Jackson's. */
	List<PublishEventRequest> readEvent(byte[] body, String idempotencyKey) {
		PublishEventRequest request = this.eventReader.readValue(body);
		List<FieldProblem> problems = new ArrayList<>();
		IdempotencyKeyFormat.check(idempotencyKey, problems);
		check(request, "", problems);
		checkDemoWork(List.of(request), problems);
		throwIfAny(problems, "The event is invalid");
		return List.of(request);
	}

	/** Reads and checks the body of {@code POST /api/events/batch}. */
	List<PublishEventRequest> readBatch(byte[] body, String idempotencyKey) {
		List<PublishEventRequest> requests = this.batchReader.readValue(body);
		List<FieldProblem> problems = new ArrayList<>();
		IdempotencyKeyFormat.check(idempotencyKey, problems);
		if (requests.isEmpty() || requests.size() > this.publish.maxBatchSize()) {
			problems.add(new FieldProblem("(body)", "a batch holds 1 to " + this.publish.maxBatchSize()
					+ " events; this one holds " + requests.size()));
			throwIfAny(problems, "The batch size is out of bounds");
		}
		for (int i = 0; i < requests.size(); i++) {
			check(requests.get(i), "[" + i + "]", problems);
		}
		if (problems.isEmpty()) {
			checkDemoWork(requests, problems);
		}
		throwIfAny(problems, "The batch has invalid events");
		return requests;
	}

	/** The events of valid requests, with the given ids, in order. */
	List<Event> toEvents(List<PublishEventRequest> requests, List<String> ids) {
		Instant now = this.clock.instant();
		List<Event> events = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			PublishEventRequest request = requests.get(i);
			String id = ids.get(i);
			events.add(new Event(id, request.type(), (request.key() != null) ? request.key() : id, request.payload(), now));
		}
		return events;
	}

	private void check(PublishEventRequest request, String prefix, List<FieldProblem> problems) {
		if (request == null) {
			problems.add(new FieldProblem(prefix.isEmpty() ? "(body)" : prefix, "must be an event object"));
			return;
		}
		if (request.meetsConstraints()) {
			return;
		}
		this.validator.validate(request)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<PublishEventRequest> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.forEach((violation) -> problems.add(new FieldProblem(
					(prefix.isEmpty() ? "" : prefix + ".") + violation.getPropertyPath(), violation.getMessage())));
	}

	/**
	 * With the demo's levers on, {@code workMs} makes the workers wait; one request may not ask for
	 * more than {@code app.demo.max-batch-work} in total. With them off it is plain data.
	 */
	private void checkDemoWork(List<PublishEventRequest> requests, List<FieldProblem> problems) {
		if (!this.demo.enabled()) {
			return;
		}
		double total = 0;
		for (PublishEventRequest request : requests) {
			if (request.payload() != null && request.payload().get(WORK_MS) instanceof Number work
					&& work.doubleValue() > 0) {
				total += work.doubleValue();
			}
		}
		long limit = this.demo.maxBatchWork().toMillis();
		if (total > limit) {
			problems.add(new FieldProblem("payload.workMs", "the events ask for " + Math.round(total)
					+ " ms of simulated work in total; one request may ask for at most " + limit
					+ " ms (app.demo.max-batch-work)"));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems, String message) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(message + " (" + problems.size() + " "
					+ ((problems.size() == 1) ? "problem" : "problems") + ").", problems);
		}
	}

}
