package dev.kafkapatterns.support.delivery;

/**
 * Who processed an event: the names that appear in the log line and the receipt.
 *
 * @param service the service, for example {@code fanout-audit} or {@code queue-worker}
 * @param group the consumer group, for example {@code fanout-audit} or {@code queue-workers}
 * @param role the role that failures on purpose name, for example {@code audit} or
 * {@code worker}
 */
public record ConsumerIdentity(String service, String group, String role) {
}
