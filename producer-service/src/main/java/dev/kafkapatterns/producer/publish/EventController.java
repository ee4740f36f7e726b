package dev.kafkapatterns.producer.publish;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.kafkapatterns.producer.idempotency.RequestFingerprint;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events} and {@code POST /api/events/batch}. Both answer 202 only after the
 * broker acknowledged every event, with the partition and offset each one went to. The answer is
 * asynchronous: no request thread waits for the broker, and {@link AsyncAnswers} writes it without
 * a second dispatch of the request.
 */
@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
class EventController {

	static final String EVENTS = "/api/events";

	static final String BATCH = "/api/events/batch";

	/** Set on an answer that was stored for an earlier request with the same Idempotency-Key. */
	static final String REPLAYED = "Idempotent-Replayed";

	private final EventRequests requests;

	private final PublishingService publishing;

	private final AsyncAnswers answers;

	EventController(EventRequests requests, PublishingService publishing, AsyncAnswers answers) {
		this.requests = requests;
		this.publishing = publishing;
		this.answers = answers;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	void publish(@RequestBody byte[] body,
			@RequestHeader(name = IdempotencyKeyFormat.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request, HttpServletResponse response) {
		List<PublishEventRequest> valid = this.requests.readEvent(body, idempotencyKey);
		CompletableFuture<ResponseEntity<PublishedEvent>> answer = this.publishing
			.publish(valid, idempotencyKey, fingerprint(idempotencyKey, EVENTS, body))
			.thenApply((publication) -> {
				PublishedEvent published = publication.events().get(0);
				return accepted(publication).location(URI.create(EVENTS + "/" + published.id())).body(published);
			});
		this.answers.answer(request, response, answer);
	}

	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	void publishBatch(@RequestBody byte[] body,
			@RequestHeader(name = IdempotencyKeyFormat.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request, HttpServletResponse response) {
		List<PublishEventRequest> valid = this.requests.readBatch(body, idempotencyKey);
		CompletableFuture<ResponseEntity<BatchPublished>> answer = this.publishing
			.publish(valid, idempotencyKey, fingerprint(idempotencyKey, BATCH, body))
			.thenApply((publication) -> accepted(publication).body(new BatchPublished(publication.events())));
		this.answers.answer(request, response, answer);
	}

	private static ResponseEntity.BodyBuilder accepted(PublishingService.Publication publication) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.accepted();
		return publication.replayed() ? answer.header(REPLAYED, "true") : answer;
	}

	private static String fingerprint(String idempotencyKey, String path, byte[] body) {
		return (idempotencyKey != null) ? RequestFingerprint.of("POST", path, body) : null;
	}

	/**
	 * The answer to a batch: where each event went, in request order.
	 *
	 * @param results one result per event
	 */
	record BatchPublished(List<PublishedEvent> results) {
	}

}
