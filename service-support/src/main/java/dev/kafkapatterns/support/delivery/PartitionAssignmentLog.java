package dev.kafkapatterns.support.delivery;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Logs every change of a consumer's partitions, the lines that show the queue pattern at work
 * ({@code queue-workers: partitions assigned: [events-2, events-5]}). Spring Boot hands this bean
 * to every listener container. With the consumer protocol (KIP-848) the broker moves partitions
 * one by one, so each line names only what changed.
 */
class PartitionAssignmentLog implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(PartitionAssignmentLog.class);

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		logger.info("{}: partitions assigned: {}", group(consumer), sorted(partitions));
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty()) {
			logger.info("{}: partitions revoked: {}", group(consumer), sorted(partitions));
		}
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty()) {
			logger.warn("{}: partitions lost (the group moved on without this member): {}", group(consumer),
					sorted(partitions));
		}
	}

	private static String group(Consumer<?, ?> consumer) {
		return consumer.groupMetadata().groupId();
	}

	private static List<TopicPartition> sorted(Collection<TopicPartition> partitions) {
		return partitions.stream()
			.sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
			.toList();
	}

}
