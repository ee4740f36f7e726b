package dev.kafkapatterns.support.delivery;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 *
 * <p>It names only partitions the consumer held: when a consumer closes, the client reports the
 * partitions it has just revoked as lost, and the container revokes them once more, which would
 * read as a failure after every graceful stop. Each consumer calls its listener on its own
 * thread, so what it holds is kept per thread.
 */
class PartitionAssignmentLog implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(PartitionAssignmentLog.class);

	private final ThreadLocal<Set<TopicPartition>> held = ThreadLocal.withInitial(HashSet::new);

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.held.get().addAll(partitions);
		logger.info("{}: partitions assigned: {}", group(consumer), sorted(partitions));
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		List<TopicPartition> revoked = release(partitions);
		if (!revoked.isEmpty()) {
			logger.info("{}: partitions revoked: {}", group(consumer), revoked);
		}
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		List<TopicPartition> lost = release(partitions);
		if (!lost.isEmpty()) {
			logger.warn("{}: partitions lost (the group moved on without this member): {}", group(consumer), lost);
		}
	}

	/** The partitions this consumer held, of those given, now no longer held. */
	private List<TopicPartition> release(Collection<TopicPartition> partitions) {
		Set<TopicPartition> held = this.held.get();
		return sorted(partitions.stream().filter(held::remove).toList());
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
