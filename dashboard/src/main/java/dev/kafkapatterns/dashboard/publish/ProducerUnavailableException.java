package dev.kafkapatterns.dashboard.publish;

/**
 * The producer-service did not answer, or answered something that is not JSON: the publish
 * endpoint answers 503 with a problem that says so.
 */
public class ProducerUnavailableException extends RuntimeException {

	ProducerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
