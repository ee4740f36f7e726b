package dev.kafkapatterns.localstack.system;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.kafkapatterns.model.DeliveryReceipt;

import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * How many delivery receipts each group sent for each event, counted by a plain consumer without
 * a group that reads the receipts topic from the beginning. For the hundreds of thousands of
 * receipts of a soak test, where {@code ReceiptLog} would keep every receipt.
 */
final class ReceiptTally implements AutoCloseable {

	private final KafkaConsumer<String, DeliveryReceipt> consumer;

	private final List<TopicPartition> partitions;

	private final Map<String, Map<String, Integer>> counts = new HashMap<>();

	ReceiptTally(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new JacksonJsonDeserializer<>(DeliveryReceipt.class, false));
		this.partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/** Counts every receipt written until now. */
	synchronized void catchUp() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions);
		while (this.partitions.stream().anyMatch((partition) -> this.consumer.position(partition) < end.get(partition))) {
			for (ConsumerRecord<String, DeliveryReceipt> record : this.consumer.poll(Duration.ofMillis(500))) {
				DeliveryReceipt receipt = record.value();
				this.counts.computeIfAbsent(receipt.group(), (group) -> new HashMap<>())
					.merge(receipt.eventId(), 1, Integer::sum);
			}
		}
	}

	/**
	 * What one group did with some events, as far as {@link #catchUp()} has counted.
	 * @param group the consumer group
	 * @param ids the events
	 * @return how many it did not process and how many it processed more than once
	 */
	synchronized Processing of(String group, Collection<String> ids) {
		Map<String, Integer> ofGroup = this.counts.getOrDefault(group, Map.of());
		long missing = 0;
		long duplicates = 0;
		for (String id : ids) {
			int count = ofGroup.getOrDefault(id, 0);
			missing += (count == 0) ? 1 : 0;
			duplicates += Math.max(0, count - 1);
		}
		return new Processing(ids.size() - missing, missing, duplicates);
	}

	@Override
	public synchronized void close() {
		this.consumer.close();
	}

	/**
	 * One group's processing of a set of events.
	 *
	 * @param processed events with at least one receipt
	 * @param missing events without one
	 * @param duplicates receipts beyond the first, over all the events
	 */
	record Processing(long processed, long missing, long duplicates) {
	}

}
