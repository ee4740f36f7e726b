package dev.kafkapatterns.producer.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads every delivery receipt. The group id is unique per instance, so every instance of the
 * producer-service sees every receipt (fanout again), and it never commits offsets, so it
 * leaves nothing behind when it stops. At start it reads from {@code app.tracking.replay} ago
 * (found with offsets-for-times), not from the beginning of the topic.
 */
@Component
class ReceiptListener implements ConsumerSeekAware {

	private final DeliveryTracker tracker;

	private final String topic;

	private final Duration replay;

	ReceiptListener(DeliveryTracker tracker, TopicsProperties topics, TrackingProperties tracking) {
		this.tracker = tracker;
		this.topic = topics.receipts();
		this.replay = tracking.replay();
	}

	/** The topic name from {@link TopicsProperties}, which holds its default. */
	public String getTopic() {
		return this.topic;
	}

	@KafkaListener(id = "receipts", topics = "#{__listener.topic}", groupId = "event-tracking-${app.instance-id}")
	void on(DeliveryReceipt receipt) {
		this.tracker.on(receipt);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), Instant.now().minus(this.replay).toEpochMilli());
	}

}
