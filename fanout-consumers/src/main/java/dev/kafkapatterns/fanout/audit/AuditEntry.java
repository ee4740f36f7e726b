package dev.kafkapatterns.fanout.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit trail. It carries the event and where it was read from, so that a line
 * written twice (at-least-once delivery after a crash) is recognisable by partition and offset.
 *
 * @param eventId the event id
 * @param type the event type
 * @param key the record key
 * @param payload the payload
 * @param occurredAt when the event was accepted
 * @param partition the partition it was read from
 * @param offset its offset
 * @param instance the audit instance that wrote the line
 * @param recordedAt when the line was written
 */
record AuditEntry(String eventId, String type, String key, Map<String, Object> payload, Instant occurredAt,
		int partition, long offset, String instance, Instant recordedAt) {
}
