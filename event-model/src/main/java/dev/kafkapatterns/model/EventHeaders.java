package dev.kafkapatterns.model;

/**
 * Kafka record headers that repeat envelope fields, so that tools such as kcat, and consumers
 * that route before deserializing, can see what a record is without parsing its value.
 */
public final class EventHeaders {

	/** The event id, UTF-8. */
	public static final String ID = "event-id";

	/** The event type, UTF-8. */
	public static final String TYPE = "event-type";

	private EventHeaders() {
	}

}
