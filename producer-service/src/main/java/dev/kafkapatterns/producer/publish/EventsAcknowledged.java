package dev.kafkapatterns.producer.publish;

import java.util.List;

/**
 * Published in-process after the broker acknowledged events, so that other features (tracking)
 * learn where they went without the publisher knowing about them.
 *
 * @param events the acknowledged events, in publish order
 */
public record EventsAcknowledged(List<PublishedEvent> events) {
}
