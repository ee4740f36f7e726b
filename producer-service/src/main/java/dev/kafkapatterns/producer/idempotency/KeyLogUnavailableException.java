package dev.kafkapatterns.producer.idempotency;

/**
 * The key topic did not acknowledge or deliver a key record in time (the broker is unavailable).
 */
public class KeyLogUnavailableException extends RuntimeException {

	KeyLogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
