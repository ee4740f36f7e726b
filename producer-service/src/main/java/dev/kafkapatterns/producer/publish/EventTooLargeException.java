package dev.kafkapatterns.producer.publish;

/**
 * The broker or the producer refused an event because its record is larger than Kafka allows.
 */
public class EventTooLargeException extends RuntimeException {

	EventTooLargeException(String message, Throwable cause) {
		super(message, cause);
	}

}
