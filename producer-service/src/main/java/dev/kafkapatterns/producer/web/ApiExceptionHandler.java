package dev.kafkapatterns.producer.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;

import dev.kafkapatterns.producer.problem.ProblemType;
import dev.kafkapatterns.producer.publish.PublishProperties;

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
 * Turns every failure into {@code application/problem+json}. Exceptions that carry their own
 * problem ({@link org.springframework.web.ErrorResponse}) are answered as they say; a body that
 * cannot be read is described by {@link JsonErrorTranslator}; anything unexpected is a 500 that
 * names nothing internal. Nothing here echoes a stack trace or an internal class name.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final PublishProperties publish;

	private final JsonErrorTranslator json = new JsonErrorTranslator();

	ApiExceptionHandler(PublishProperties publish) {
		this.publish = publish;
	}

	static ProblemDetail bodyTooLarge(long limit) {
		return ProblemType.BODY_TOO_LARGE.problem("The request body is larger than the limit of " + limit + " bytes."
				+ JsonErrorTranslator.NOTHING_PUBLISHED);
	}

	/** The publish endpoints bind their body themselves, from its bytes. */
	@ExceptionHandler
	ResponseEntity<Object> unreadableJson(JacksonException ex, WebRequest request) {
		return handleExceptionInternal(ex, this.json.translate(ex), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ProblemType.INTERNAL_ERROR.problem("The server failed unexpectedly; the failure is logged.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (JsonErrorTranslator.causeOf(ex, BodyTooLargeException.class) != null) {
			return handleExceptionInternal(ex, bodyTooLarge(this.publish.maxBodySize().toBytes()), headers,
					HttpStatus.CONTENT_TOO_LARGE, request);
		}
		return handleExceptionInternal(ex, this.json.translate(ex), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String given = (ex.getContentType() != null) ? "'" + ex.getContentType() + "'" : "none";
		ProblemDetail problem = ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("Content-Type must be application/json; the request had "
				+ given + "." + JsonErrorTranslator.NOTHING_PUBLISHED);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

}
