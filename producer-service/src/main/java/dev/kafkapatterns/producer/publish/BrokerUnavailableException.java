package dev.kafkapatterns.producer.publish;

import java.util.List;

/**
 * The broker did not acknowledge every event within the bound. The events in
 * {@link #acknowledged()} were written; the others were not accepted and may be retried with the
 * same {@code Idempotency-Key}.
 */
public class BrokerUnavailableException extends RuntimeException {

	private final transient List<PublishedEvent> acknowledged;

	private final int requested;

	BrokerUnavailableException(String message, List<PublishedEvent> acknowledged, int requested, Throwable cause) {
		super(message, cause);
		this.acknowledged = List.copyOf(acknowledged);
		this.requested = requested;
	}

	public List<PublishedEvent> acknowledged() {
		return this.acknowledged;
	}

	public int requested() {
		return this.requested;
	}

}
