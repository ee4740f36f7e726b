package dev.kafkapatterns.dashboard.deliveries;

import java.time.Instant;
import java.util.List;

/**
 * One event in the live deliveries table, as the API shows it: what the event was and which
 * groups processed it, or gave up on it. Every text field comes from a Kafka record written by
 * any client, so the page renders it as text, never as HTML.
 *
 * @param id the event id
 * @param type the event type; {@code null} while only receipts of the event have been read
 * @param key the record key
 * @param payload the payload as compact JSON, cut at {@code dashboard.deliveries.max-text-length}
 * @param partition the partition of the events topic, when known
 * @param offset the offset in that partition, when known
 * @param publishedAt when the producer-service accepted the event, when known
 * @param deliveries one entry per group that sent a receipt, by group name
 * @param deadLetters one entry per group that dead-lettered the event, by group name
 * @param version a number that grows with every change of any row; a client that saw version
 * {@code v} needs only the rows above {@code v}
 */
public record DeliveryRow(String id, String type, String key, String payload, Integer partition, Long offset,
		Instant publishedAt, List<Delivery> deliveries, List<DeadLetter> deadLetters, long version) {

	/**
	 * A group processed the event.
	 *
	 * @param group the consumer group (or share group)
	 * @param instance the instance that processed it
	 * @param processedAt when
	 * @param receipts how many receipts the group sent for this event; more than one means the
	 * event was delivered again (at-least-once)
	 */
	public record Delivery(String group, String instance, Instant processedAt, int receipts) {
	}

	/**
	 * A group gave up on the event and published it to the dead-letter topic.
	 *
	 * @param group the group that gave up
	 * @param reason why, from the {@code dlt-reason} header
	 * @param origin where the record came from, from the {@code dlt-original} header
	 * @param deadLetteredAt when
	 */
	public record DeadLetter(String group, String reason, String origin, Instant deadLetteredAt) {
	}

}
