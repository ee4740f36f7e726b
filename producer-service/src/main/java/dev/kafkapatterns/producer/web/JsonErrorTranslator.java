package dev.kafkapatterns.producer.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import dev.kafkapatterns.producer.problem.FieldProblem;
import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.http.ProblemDetail;

/**
 * Turns a body Jackson could not read into a 400 problem a client can act on: the field and
 * what it must be, or where the JSON breaks. Jackson's own messages name Java types and methods;
 * none of that reaches the client.
 */
class JsonErrorTranslator {

	static final String NOTHING_PUBLISHED = " Nothing was published.";

	/** Jackson names Java types and methods in backticks; a client has no use for them. */
	private static final Pattern JAVA_NAME = Pattern.compile("(,\\s*from)?\\s*`[^`]*`");

	/**
	 * Describes why a request body could not be read.
	 * @param failure the failure, a {@link JacksonException} or one that has it as a cause
	 * @return a 400 problem
	 */
	ProblemDetail translate(Throwable failure) {
		JacksonException json = causeOf(failure, JacksonException.class);
		if (json == null) {
			return badRequest(ProblemType.INVALID_REQUEST, "The request body is missing or unreadable.", List.of());
		}
		if (json instanceof UnrecognizedPropertyException) {
			return badRequest(ProblemType.INVALID_REQUEST, "The request has a field the API does not know.",
					List.of(new FieldProblem(path(json),
							"is not a known field; an event has only 'type', 'key' and 'payload'")));
		}
		if (json instanceof MismatchedInputException mismatch) {
			if (mismatch.getPath().isEmpty() && mismatch.getTargetType() != null) {
				return badRequest(ProblemType.INVALID_REQUEST,
						"The request body must be " + expected(mismatch.getTargetType()) + ".", List.of());
			}
			return badRequest(ProblemType.INVALID_REQUEST, "A field has the wrong type.",
					List.of(new FieldProblem(path(json), "must be " + expected(mismatch.getTargetType()))));
		}
		if (json instanceof StreamConstraintsException) {
			return badRequest(ProblemType.MALFORMED_JSON,
					"The JSON exceeds a parser limit: " + clean(json.getOriginalMessage()) + ".", List.of());
		}
		if (json instanceof StreamReadException) {
			return badRequest(ProblemType.MALFORMED_JSON, "The request body is not valid JSON: "
					+ clean(json.getOriginalMessage()) + location(json.getLocation()) + ".", List.of());
		}
		return badRequest(ProblemType.INVALID_REQUEST, "The request body does not have the shape of an event"
				+ (json.getPath().isEmpty() ? "" : " at '" + path(json) + "'") + ".", List.of());
	}

	private static ProblemDetail badRequest(ProblemType type, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = type.problem(detail + NOTHING_PUBLISHED);
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

	static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
