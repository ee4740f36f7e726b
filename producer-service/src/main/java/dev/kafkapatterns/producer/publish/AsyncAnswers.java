package dev.kafkapatterns.producer.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers a publish request when the broker has answered, without dispatching the request to the
 * servlet container a second time.
 *
 * <p>Spring MVC answers a returned {@code CompletableFuture} by dispatching the request again
 * once the future completes: Tomcat's valves, every filter, the {@code DispatcherServlet}'s handler
 * look-up and the handler adapter all run a second time to write about 130 bytes. In a profile of
 * this service under single-event requests that second dispatch was 40 % of its CPU (README, "How
 * fast"). So the publish endpoints start the Servlet async cycle themselves and, when the future
 * completes, write the {@code 202} on a container thread ({@link AsyncContext#start}) and complete
 * the cycle. No request thread waits for the broker either way.
 *
 * <p>Only the success path is written here. A failure (the broker did not acknowledge in time, a
 * key that could not be stored) goes through the same {@link HandlerExceptionResolver}s that the
 * {@code DispatcherServlet} uses, so {@code ApiExceptionHandler} writes every problem answer as it
 * did before. A request whose future is still open after {@code spring.mvc.async.request-timeout}
 * (the container's async timeout when unset) gets MVC's own answer to that, a {@code 503}.
 */
@Component
class AsyncAnswers {

	private static final Logger logger = LoggerFactory.getLogger(AsyncAnswers.class);

	private final JsonMapper json;

	private final ObjectProvider<HandlerExceptionResolver> resolvers;

	private final Duration timeout;

	AsyncAnswers(JsonMapper json, ObjectProvider<HandlerExceptionResolver> resolvers, WebMvcProperties mvc) {
		this.json = json;
		this.resolvers = resolvers;
		this.timeout = mvc.getAsync().getRequestTimeout();
	}

	/**
	 * Answers the request with the future's response entity, as JSON, or with the problem its
	 * failure resolves to. Call it last in a handler method that returns {@code void}.
	 * @param request the request being handled
	 * @param response its response
	 * @param answer completes with the answer to write, or fails with what went wrong
	 */
	void answer(HttpServletRequest request, HttpServletResponse response,
			CompletableFuture<? extends ResponseEntity<?>> answer) {
		String path = request.getRequestURI();
		AsyncContext async = request.startAsync(request, response);
		if (this.timeout != null) {
			async.setTimeout(this.timeout.toMillis());
		}
		// Whichever comes first answers: the future, the timeout, or an I/O error.
		AtomicBoolean answered = new AtomicBoolean();
		async.addListener(new AsyncListener() {

			@Override
			public void onTimeout(AsyncEvent event) {
				if (answered.compareAndSet(false, true)) {
					answerWith(async, null, new AsyncRequestTimeoutException());
				}
			}

			@Override
			public void onError(AsyncEvent event) {
				if (answered.compareAndSet(false, true)) {
					async.complete();
				}
			}

			@Override
			public void onComplete(AsyncEvent event) {
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
			}

		});
		answer.whenComplete((entity, failure) -> {
			if (answered.compareAndSet(false, true)) {
				try {
					// Not on the Kafka producer's I/O thread, which completes the future.
					async.start(() -> answerWith(async, entity, failure));
				}
				catch (IllegalStateException ex) {
					// The container is stopping and has taken the request back.
					logger.warn("Could not answer {}: {}", path, ex.getMessage());
				}
			}
		});
	}

	private void answerWith(AsyncContext async, ResponseEntity<?> entity, Throwable failure) {
		HttpServletRequest request = (HttpServletRequest) async.getRequest();
		HttpServletResponse response = (HttpServletResponse) async.getResponse();
		try {
			if (failure == null) {
				write(response, entity);
			}
			else {
				resolve(request, response, unwrap(failure));
			}
		}
		catch (Exception ex) {
			if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				// The client went away first: nothing to answer, and no error (MVC logs it at debug too).
				logger.debug("Client gone before its answer to {}: {}", request.getRequestURI(), ex.getMessage());
				return;
			}
			logger.error("Could not write the answer to {}", request.getRequestURI(), ex);
			if (!response.isCommitted()) {
				response.reset();
				response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			}
		}
		finally {
			async.complete();
		}
	}

	/** Writes the entity as MVC would for {@code produces = application/json}, in one piece. */
	private void write(HttpServletResponse response, ResponseEntity<?> entity) throws IOException {
		byte[] body = this.json.writeValueAsBytes(entity.getBody());
		response.setStatus(entity.getStatusCode().value());
		entity.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		// A known length: one write, no chunked encoding.
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** What {@code DispatcherServlet.processHandlerException} does, with the same resolvers. */
	private void resolve(HttpServletRequest request, HttpServletResponse response, Exception ex) throws Exception {
		// The problem is application/problem+json, not the endpoint's application/json.
		request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
		response.setHeader(HttpHeaders.CONTENT_TYPE, null);
		response.resetBuffer();
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		// The first resolver that answers wins, in the DispatcherServlet's order.
		if (this.resolvers.orderedStream()
			.noneMatch((resolver) -> resolver.resolveException(request, response, handler, ex) != null)) {
			throw ex;
		}
	}

	private static Exception unwrap(Throwable failure) {
		Throwable cause = CompletionFailures.cause(failure);
		return (cause instanceof Exception ex) ? ex : new IllegalStateException(cause);
	}

}
