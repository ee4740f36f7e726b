package dev.kafkapatterns.producer.publish;

import java.time.Instant;

/**
 * Where an acknowledged event went: the answer to a publish request.
 *
 * @param id the event id
 * @param topic the topic
 * @param partition the partition the broker wrote it to
 * @param offset its offset in that partition
 * @param timestamp the record's timestamp
 */
public record PublishedEvent(String id, String topic, int partition, long offset, Instant timestamp) {
}
