package dev.kafkapatterns.producer.publish;

import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} cannot be used for this request now: it is held by a request still
 * in flight (409), or it was used for a different request (422). Nothing was published.
 */
public class IdempotencyKeyException extends ErrorResponseException {

	private IdempotencyKeyException(ProblemType type, String detail) {
		super(type.status(), type.problem(detail + " Nothing was published."), null);
	}

	static IdempotencyKeyException inUse() {
		return new IdempotencyKeyException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
				"A request with this Idempotency-Key is still being processed. Retry when it has been answered.");
	}

	static IdempotencyKeyException reused() {
		return new IdempotencyKeyException(ProblemType.IDEMPOTENCY_KEY_REUSED,
				"This Idempotency-Key was used for a different request (another method, path or body)."
						+ " Use a new key for a new request.");
	}

}
