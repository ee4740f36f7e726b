package dev.kafkapatterns.producer.tracking;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.producer.publish.EventsAcknowledged;
import dev.kafkapatterns.producer.publish.PublishedEvent;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a bounded number of events, where each went and which groups processed it.
 * Receipts may arrive before this instance learns of the publish (another instance published
 * the event), so a receipt alone is enough to start an entry.
 */
@Component
class DeliveryTracker {

	private final Cache<String, EventStatus> events;

	private final String topic;

	private final int maxDeliveriesPerEvent;

	DeliveryTracker(TrackingProperties tracking, TopicsProperties topics, MeterRegistry meterRegistry) {
		// The receipts listener writes several times per event; the cache's upkeep runs on that
		// thread instead of waking a common-pool thread every few writes (which cost more CPU).
		this.events = Caffeine.newBuilder()
			.maximumSize(tracking.maxEvents())
			.executor(Runnable::run)
			.recordStats()
			.build();
		this.topic = topics.events();
		this.maxDeliveriesPerEvent = tracking.maxDeliveriesPerEvent();
		CaffeineCacheMetrics.monitor(meterRegistry, this.events, "event-tracking");
	}

	@EventListener
	void on(EventsAcknowledged acknowledged) {
		for (PublishedEvent published : acknowledged.events()) {
			// An entry a receipt started already knows as much, and its deliveries.
			this.events.asMap()
				.putIfAbsent(published.id(), new EventStatus(published.id(), published.topic(), published.partition(),
						published.offset(), List.of()));
		}
	}

	void on(DeliveryReceipt receipt) {
		EventStatus.Delivery delivery = new EventStatus.Delivery(receipt.group(), receipt.instance(),
				receipt.processedAt());
		this.events.asMap()
			.compute(receipt.eventId(),
					(id, known) -> ((known != null) ? known
							: new EventStatus(id, this.topic, receipt.partition(), receipt.offset(), List.of()))
						.withDelivery(delivery, this.maxDeliveriesPerEvent));
	}

	Optional<EventStatus> find(String id) {
		return Optional.ofNullable(this.events.getIfPresent(id));
	}

}
