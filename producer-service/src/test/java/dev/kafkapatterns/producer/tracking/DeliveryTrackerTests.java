package dev.kafkapatterns.producer.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.producer.publish.EventsAcknowledged;
import dev.kafkapatterns.producer.publish.PublishedEvent;
import dev.kafkapatterns.support.topics.TopicsProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker's entry for an event, whichever comes first: this instance's publish or a receipt
 * (the event may have been published by another instance, and a fast consumer may answer before
 * the acknowledgement has reached this one).
 */
class DeliveryTrackerTests {

	private static final Instant PROCESSED = Instant.parse("2026-11-27T06:00:00Z");

	private final DeliveryTracker tracker = new DeliveryTracker(new TrackingProperties(100, 64, Duration.ofHours(1)),
			new TopicsProperties("events", "event-receipts", "events.DLT", "idempotency-keys", 6, (short) 1,
					new TopicsProperties.Retention(Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(14))),
			new SimpleMeterRegistry());

	@Test
	void receiptAfterThePublishIsAddedToTheEntry() {
		this.tracker.on(acknowledged("e-1", 4, 40));
		this.tracker.on(receipt("e-1", "fanout-audit", 4, 40));

		EventStatus status = this.tracker.find("e-1").orElseThrow();
		assertThat(status.partition()).isEqualTo(4);
		assertThat(status.offset()).isEqualTo(40);
		assertThat(status.deliveries()).extracting(EventStatus.Delivery::group).containsExactly("fanout-audit");
	}

	@Test
	void publishAfterAReceiptKeepsTheDeliveries() {
		this.tracker.on(receipt("e-2", "queue-workers", 1, 10));
		this.tracker.on(acknowledged("e-2", 1, 10));

		EventStatus status = this.tracker.find("e-2").orElseThrow();
		assertThat(status.deliveries()).extracting(EventStatus.Delivery::group).containsExactly("queue-workers");
		assertThat(status.partition()).isEqualTo(1);
	}

	private static EventsAcknowledged acknowledged(String id, int partition, long offset) {
		return new EventsAcknowledged(List.of(new PublishedEvent(id, "events", partition, offset, PROCESSED)));
	}

	private static DeliveryReceipt receipt(String id, String group, int partition, long offset) {
		return new DeliveryReceipt(id, group, group, group + "-1", partition, offset, PROCESSED);
	}

}
