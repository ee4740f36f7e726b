package dev.kafkapatterns.support.testing;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Points a consumer without a group at every partition of a topic, from the beginning.
 */
final class WholeTopic {

	private WholeTopic() {
	}

	static void assignFromBeginning(Consumer<?, ?> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
	}

}
