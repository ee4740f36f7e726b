package dev.kafkapatterns.producer.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import dev.kafkapatterns.producer.publish.BrokerUnavailableException;
import dev.kafkapatterns.producer.publish.EventTooLargeException;
import dev.kafkapatterns.producer.publish.PublishProperties;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into {@code application/problem+json}. Client mistakes are 4xx with a
 * detail that names the problem and, where it helps, the fields; a broker that does not
 * acknowledge in time is 503 with {@code Retry-After}. Nothing here echoes a stack trace or an
 * internal class name.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** Jackson names Java types and methods in backticks; a client has no use for them. */
	private static final Pattern JAVA_NAME = Pattern.compile("(,\\s*from)?\\s*`[^`]*`");

	private static final String NOTHING_PUBLISHED = " Nothing was published.";

	private final PublishProperties publish;

	ApiExceptionHandler(PublishProperties publish) {
		this.publish = publish;
	}

	static String bodyTooLargeDetail(long limit) {
		return "The request body is larger than the limit of " + limit + " bytes." + NOTHING_PUBLISHED;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.getMessage() + NOTHING_PUBLISHED);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException ex) {
		logger.warn("Answering 503: {} ({})", ex.getMessage(), NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		int missing = ex.requested() - ex.acknowledged().size();
		String detail = ex.getMessage() + ". " + ((missing == ex.requested()) ? "The request was not accepted."
				: ex.acknowledged().size() + " events were written; see 'acknowledged'.")
				+ " Retry later with the same Idempotency-Key to keep the same event ids.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Broker unavailable");
		if (!ex.acknowledged().isEmpty()) {
			problem.setProperty("acknowledged", ex.acknowledged());
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.publish.retryAfter().toSeconds())))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail eventTooLarge(EventTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"An event is larger than the Kafka broker accepts (max.request.size / message.max.bytes)."
						+ NOTHING_PUBLISHED);
		problem.setTitle("Event too large");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed unexpectedly; the failure is logged.");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causeOf(ex, BodyTooLargeException.class) != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					bodyTooLargeDetail(this.publish.maxBodySize().toBytes()));
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = describeUnreadable(ex);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String given = (ex.getContentType() != null) ? "'" + ex.getContentType() + "'" : "none";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Content-Type must be application/json; the request had " + given + "." + NOTHING_PUBLISHED);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static ProblemDetail describeUnreadable(HttpMessageNotReadableException ex) {
		JacksonException json = causeOf(ex, JacksonException.class);
		if (json == null) {
			return badRequest("Unreadable request", "The request body is missing or unreadable." + NOTHING_PUBLISHED,
					List.of());
		}
		if (json instanceof UnrecognizedPropertyException) {
			return badRequest("Invalid request", "The request has a field the API does not know." + NOTHING_PUBLISHED,
					List.of(new FieldProblem(path(json),
							"is not a known field; an event has only 'type', 'key' and 'payload'")));
		}
		if (json instanceof MismatchedInputException mismatch) {
			if (mismatch.getPath().isEmpty() && mismatch.getTargetType() != null) {
				return badRequest("Invalid request", "The request body must be " + expected(mismatch.getTargetType())
						+ "." + NOTHING_PUBLISHED, List.of());
			}
			return badRequest("Invalid request", "A field has the wrong type." + NOTHING_PUBLISHED,
					List.of(new FieldProblem(path(json), "must be " + expected(mismatch.getTargetType()))));
		}
		if (json instanceof StreamConstraintsException) {
			return badRequest("Malformed JSON", "The JSON exceeds a parser limit: " + clean(json.getOriginalMessage())
					+ "." + NOTHING_PUBLISHED, List.of());
		}
		if (json instanceof StreamReadException) {
			return badRequest("Malformed JSON", "The request body is not valid JSON: " + clean(json.getOriginalMessage())
					+ location(json.getLocation()) + "." + NOTHING_PUBLISHED, List.of());
		}
		return badRequest("Invalid request", "The request body does not have the shape of an event"
				+ (json.getPath().isEmpty() ? "" : " at '" + path(json) + "'") + "." + NOTHING_PUBLISHED, List.of());
	}

	private static ProblemDetail badRequest(String title, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/** The JSON path of the failing value, in the form {@code [3].payload.amount}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
		}
		return path.isEmpty() ? "(body)" : path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "a JSON object";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return "of another type";
	}

	private static String location(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static String clean(String message) {
		if (message == null) {
			return "unreadable input";
		}
		String firstLine = message.lines().findFirst().orElse("");
		return JAVA_NAME.matcher(firstLine).replaceAll("").strip();
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
