package dev.kafkapatterns.support.delivery;

/**
 * Who processes events, as the log line and the receipt name it. The consumer group is not part
 * of it: it is read from the consumer itself ({@code KafkaUtils.getConsumerGroupId()}), so the
 * {@code groupId} on the {@code @KafkaListener} stays its one source of truth.
 *
 * @param service the service, for example {@code fanout-audit} or {@code queue-worker}
 * @param role the role that failures on purpose name ({@code failFor}), for example
 * {@code audit} or {@code worker}
 * @param noun what the service calls one event in its log lines and metrics, for example
 * {@code event} or {@code job}
 */
public record ConsumerIdentity(String service, String role, String noun) {
}
