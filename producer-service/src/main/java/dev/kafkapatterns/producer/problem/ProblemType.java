package dev.kafkapatterns.producer.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of error the API answers, each with a stable {@code type} URI (RFC 9457), so that a
 * client branches on {@code type}, never on the text of {@code detail}. The URIs identify; they
 * are not meant to be fetched.
 */
public enum ProblemType {

	/** The body or a header breaks the contract; the fields are listed in {@code errors}. */
	INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),

	/** The body is not JSON, or exceeds a parser limit. */
	MALFORMED_JSON("malformed-json", "Malformed JSON", HttpStatus.BAD_REQUEST),

	/** The body is over {@code app.publish.max-body-size}. */
	BODY_TOO_LARGE("body-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),

	/** An event is larger than the broker accepts. */
	EVENT_TOO_LARGE("event-too-large", "Event too large", HttpStatus.CONTENT_TOO_LARGE),

	/** The {@code Content-Type} is not {@code application/json}. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	/** The broker did not acknowledge every event in time. */
	BROKER_UNAVAILABLE("broker-unavailable", "Broker unavailable", HttpStatus.SERVICE_UNAVAILABLE),

	/** No event with this id is known. */
	EVENT_NOT_FOUND("event-not-found", "Event not found", HttpStatus.NOT_FOUND),

	/** A request with the same {@code Idempotency-Key} is still being processed. */
	IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "Idempotency-Key in use", HttpStatus.CONFLICT),

	/** The {@code Idempotency-Key} was used before for a different request. */
	IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key reused", HttpStatus.UNPROCESSABLE_CONTENT),

	/** The server failed; the failure is logged. */
	INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

	/** Where every problem type URI starts. */
	public static final String BASE_URI = "https://kafkapatterns.dev/problems/";

	private final URI type;

	private final String title;

	private final HttpStatus status;

	ProblemType(String name, String title, HttpStatus status) {
		this.type = URI.create(BASE_URI + name);
		this.title = title;
		this.status = status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * A problem of this type.
	 * @param detail what went wrong in this request, in words a client can act on
	 * @return the problem, with type, title, status and detail set
	 */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(this.type);
		problem.setTitle(this.title);
		return problem;
	}

}
