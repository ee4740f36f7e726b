package dev.kafkapatterns.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the events topic directly from the broker, as any consumer would, to check what the API
 * says it published.
 */
public final class EventsTopic implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final String topic;

	public EventsTopic(String bootstrapServers, String topic) {
		this.topic = topic;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

	/** The record at a partition and offset. */
	public ConsumerRecord<String, String> read(int partition, long offset) {
		TopicPartition tp = new TopicPartition(this.topic, partition);
		this.consumer.assign(List.of(tp));
		this.consumer.seek(tp, offset);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() == offset) {
					return record;
				}
			}
		}
		throw new AssertionError("No record at " + tp + " offset " + offset);
	}

	/** How many records the topic holds, over all partitions. */
	public long size() {
		int partitions = this.consumer.partitionsFor(this.topic).size();
		List<TopicPartition> all = IntStream.range(0, partitions).mapToObj((p) -> new TopicPartition(this.topic, p)).toList();
		return this.consumer.endOffsets(all).values().stream().mapToLong(Long::longValue).sum();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
