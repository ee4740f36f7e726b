package dev.kafkapatterns.model;

import java.time.Instant;

/**
 * Proof that one consumer group processed one event, published to the {@code event-receipts}
 * topic after processing. The producer-service reads all receipts to answer
 * {@code GET /api/events/{id}}; tests read them to prove exactly-once per group.
 *
 * @param eventId the id of the processed event
 * @param group the consumer group that processed it, for example {@code fanout-audit}
 * @param service the service that processed it, for example {@code queue-worker}
 * @param instance the instance id of the process that processed it
 * @param partition the partition of the {@code events} topic the event was read from
 * @param offset the offset of the event in that partition
 * @param processedAt when processing finished
 */
public record DeliveryReceipt(String eventId, String group, String service, String instance, int partition,
		long offset, Instant processedAt) {
}
