package dev.kafkapatterns.producer.publish;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of one event of a request that the broker did not fully acknowledge: one entry per
 * event of a 503 answer, by index.
 *
 * @param index the event's position in the request
 * @param id the event id
 * @param status acknowledged, failed or unknown
 * @param topic where it was written, when acknowledged
 * @param partition where it was written, when acknowledged
 * @param offset where it was written, when acknowledged
 * @param timestamp the record's timestamp, when acknowledged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(int index, String id, Status status, String topic, Integer partition, Long offset,
		Instant timestamp) {

	static EventOutcome acknowledged(int index, PublishedEvent event) {
		return new EventOutcome(index, event.id(), Status.ACKNOWLEDGED, event.topic(), event.partition(),
				event.offset(), event.timestamp());
	}

	static EventOutcome notAcknowledged(int index, String id, Status status) {
		return new EventOutcome(index, id, status, null, null, null, null);
	}

	PublishedEvent published() {
		return new PublishedEvent(this.id, this.topic, this.partition, this.offset, this.timestamp);
	}

	/** What is known of an event after the wait for the broker. */
	public enum Status {

		/** The broker acknowledged it: it is in the log, where the outcome says. */
		ACKNOWLEDGED,

		/** It was not written: it was never sent, or the broker refused it. */
		FAILED,

		/** It may or may not have been written: the answer did not come in time. */
		UNKNOWN;

		@JsonValue
		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
