package dev.kafkapatterns.producer.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is known of one event: where it went and who processed it. The answer to
 * {@code GET /api/events/{id}}.
 *
 * @param id the event id
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset in that partition
 * @param deliveries one entry per processing, in the order they happened
 */
public record EventStatus(String id, String topic, int partition, long offset, List<Delivery> deliveries) {

	EventStatus withDelivery(Delivery delivery, int maxDeliveries) {
		if (this.deliveries.size() >= maxDeliveries || this.deliveries.contains(delivery)) {
			return this;
		}
		List<Delivery> updated = new ArrayList<>(this.deliveries);
		updated.add(delivery);
		updated.sort(Comparator.comparing(Delivery::processedAt));
		return new EventStatus(this.id, this.topic, this.partition, this.offset, List.copyOf(updated));
	}

	/**
	 * One processing of the event by one consumer group.
	 *
	 * @param group the consumer group
	 * @param instance the instance that processed it
	 * @param processedAt when
	 */
	public record Delivery(String group, String instance, Instant processedAt) {
	}

}
