package dev.kafkapatterns.producer.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads every delivery receipt. Each instance assigns itself every partition, without a consumer
 * group, so every instance of the producer-service sees every receipt (fanout again), no
 * rebalance or group coordinator can stall it, and it leaves nothing behind when it stops. At
 * start it reads from {@code app.tracking.replay} ago (found with offsets-for-times), not from the
 * beginning of the topic.
 *
 * <p>It takes the records of a whole poll at once: a producer-service reads a receipt for every
 * group that processes every event (four per event here), and a record listener would convert
 * each one into a {@code Message} with mapped headers first. A receipt that is not JSON of the
 * right shape arrives without a value (the {@code ErrorHandlingDeserializer}) and is skipped:
 * tracking is best effort, the consumers' own logs and metrics stay the record of what happened.
 */
@Component
class ReceiptListener implements ConsumerSeekAware {

	private final DeliveryTracker tracker;

	private final String topic;

	private final String partitions;

	private final Duration replay;

	ReceiptListener(DeliveryTracker tracker, TopicsProperties topics, TrackingProperties tracking) {
		this.tracker = tracker;
		this.topic = topics.receipts();
		this.partitions = "0-" + (topics.partitions() - 1);
		this.replay = tracking.replay();
	}

	/** The topic name from {@link TopicsProperties}, which holds its default. */
	public String getTopic() {
		return this.topic;
	}

	/** Every partition of the topic. */
	public String getPartitions() {
		return this.partitions;
	}

	@KafkaListener(id = "receipts", idIsGroup = false, batch = "true",
			topicPartitions = @TopicPartition(topic = "#{__listener.topic}", partitions = "#{__listener.partitions}"))
	void on(List<ConsumerRecord<String, DeliveryReceipt>> receipts) {
		for (ConsumerRecord<String, DeliveryReceipt> receipt : receipts) {
			if (receipt.value() != null) {
				this.tracker.on(receipt.value());
			}
		}
	}

	@Override
	public void onPartitionsAssigned(Map<org.apache.kafka.common.TopicPartition, Long> assignments,
			ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), Instant.now().minus(this.replay).toEpochMilli());
	}

}
