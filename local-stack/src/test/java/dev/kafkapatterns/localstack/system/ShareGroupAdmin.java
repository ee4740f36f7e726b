package dev.kafkapatterns.localstack.system;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What the broker says about one share group, asked with Kafka's own {@link Admin} client: its
 * members, the records it has not settled yet, and its acquisition lock.
 */
final class ShareGroupAdmin implements AutoCloseable {

	/** The group config that overrides the broker's {@code group.share.record.lock.duration.ms}. */
	static final String RECORD_LOCK_DURATION = "share.record.lock.duration.ms";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Admin admin;

	private final String group;

	ShareGroupAdmin(String bootstrapServers, String group) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
		this.group = group;
	}

	/** The members the group coordinator knows, including those whose session has not timed out yet. */
	Collection<ShareMemberDescription> members() {
		return get(this.admin.describeShareGroups(List.of(this.group)).all()).get(this.group).members();
	}

	/**
	 * The records of the group's partitions that are neither accepted nor rejected yet: available
	 * to a member, or acquired by one and not acknowledged. The broker's share-group lag (KIP-1226),
	 * summed over the partitions.
	 * @return empty while the broker does not know it for every partition yet
	 */
	OptionalLong unsettledRecords() {
		Map<TopicPartition, SharePartitionOffsetInfo> partitions = partitionOffsets();
		if (partitions == null || partitions.isEmpty()
				|| partitions.values().stream().anyMatch((partition) -> partition.lag().isEmpty())) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(partitions.values().stream().mapToLong((partition) -> partition.lag().get()).sum());
	}

	/**
	 * Per partition of the group, the records neither accepted nor rejected yet (see
	 * {@link #unsettledRecords()}); a partition the broker has no lag for yet is missing.
	 */
	Map<Integer, Long> unsettledRecordsByPartition() {
		Map<TopicPartition, SharePartitionOffsetInfo> partitions = partitionOffsets();
		Map<Integer, Long> unsettled = new HashMap<>();
		if (partitions != null) {
			partitions.forEach((partition, info) -> info.lag()
				.ifPresent((lag) -> unsettled.merge(partition.partition(), lag, Long::sum)));
		}
		return unsettled;
	}

	/** The group's offsets and lag per partition, as the broker knows them; null before it knows any. */
	private Map<TopicPartition, SharePartitionOffsetInfo> partitionOffsets() {
		return get(this.admin.listShareGroupOffsets(Map.of(this.group, new ListShareGroupOffsetsSpec())).all())
			.get(this.group);
	}

	/**
	 * Sets how long a member may hold a record before the broker hands it out again, for this group
	 * only: the dynamic group config that operators set too.
	 * @param lock at least the broker's {@code group.share.min.record.lock.duration.ms} (15 s by
	 * default)
	 */
	void recordLockDuration(Duration lock) {
		alter(new AlterConfigOp(new ConfigEntry(RECORD_LOCK_DURATION, String.valueOf(lock.toMillis())),
				AlterConfigOp.OpType.SET));
	}

	/** Gives the group the broker's lock duration back. */
	void defaultRecordLockDuration() {
		alter(new AlterConfigOp(new ConfigEntry(RECORD_LOCK_DURATION, ""), AlterConfigOp.OpType.DELETE));
	}

	private void alter(AlterConfigOp operation) {
		get(this.admin
			.incrementalAlterConfigs(
					Map.of(new ConfigResource(ConfigResource.Type.GROUP, this.group), List.of(operation)))
			.all());
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not answer about the share group", ex);
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
