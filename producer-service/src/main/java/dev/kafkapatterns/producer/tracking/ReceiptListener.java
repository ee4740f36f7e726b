package dev.kafkapatterns.producer.tracking;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every delivery receipt. The group id is unique per instance, so every instance of the
 * producer-service sees every receipt (fanout again), and it never commits offsets, so it
 * replays all retained receipts at start and leaves nothing behind when it stops.
 */
@Component
class ReceiptListener {

	private final DeliveryTracker tracker;

	private final String topic;

	ReceiptListener(DeliveryTracker tracker, TopicsProperties topics) {
		this.tracker = tracker;
		this.topic = topics.receipts();
	}

	/** The topic name from {@link TopicsProperties}, which holds its default. */
	public String getTopic() {
		return this.topic;
	}

	@KafkaListener(id = "receipts", topics = "#{__listener.topic}", groupId = "event-tracking-${app.instance-id}")
	void on(DeliveryReceipt receipt) {
		this.tracker.on(receipt);
	}

}
