package dev.kafkapatterns.dashboard.groups;

import java.time.Instant;
import java.util.List;

/**
 * Every consumer group and share group the broker knows, as the groups panel shows them.
 *
 * @param takenAt when the broker was asked
 * @param groups the groups, by name
 */
public record GroupsSnapshot(Instant takenAt, List<Group> groups) {

	/**
	 * One group.
	 *
	 * @param groupId the group's name
	 * @param type {@code consumer} (the KIP-848 protocol), {@code classic} or {@code share}
	 * @param state the group's state as the broker says it, for example {@code Stable} or
	 * {@code Empty}
	 * @param members the members, each with the partitions it owns
	 * @param partitions every partition the group owns or has an offset on, with its lag
	 * @param totalLag the sum of the partitions' lag; {@code null} when the group has no offset
	 * anywhere (a reader that never commits, like this dashboard)
	 * @param throughput records per second the group moved its offsets by since the previous
	 * snapshot; {@code null} on the first
	 */
	public record Group(String groupId, String type, String state, List<Member> members, List<Partition> partitions,
			Long totalLag, Double throughput) {

		Group withThroughput(Double recordsPerSecond) {
			return new Group(this.groupId, this.type, this.state, this.members, this.partitions, this.totalLag,
					recordsPerSecond);
		}

		/**
		 * How far the group got, summed over its partitions: end offset minus lag, which is the
		 * committed offset of a consumer group. A share group's start offset is persisted lazily
		 * and can trail behind, while the lag the broker reports is current.
		 * @return the records the group is done with, up to the end offsets
		 */
		long processed() {
			return this.partitions.stream()
				.filter((p) -> p.endOffset() != null && p.lag() != null)
				.mapToLong((p) -> p.endOffset() - p.lag())
				.sum();
		}

	}

	/**
	 * A member of a group.
	 *
	 * @param memberId the member id the broker gave it
	 * @param clientId the client id the member chose; the services put their instance id in it
	 * @param host where it connects from
	 * @param partitions the partitions it owns, as {@code topic-partition}
	 * @param idle whether it owns no partition: in a consumer group, a member beyond the
	 * partition count waits as a hot spare
	 */
	public record Member(String memberId, String clientId, String host, List<String> partitions, boolean idle) {
	}

	/**
	 * A partition of a group.
	 *
	 * @param topic the topic
	 * @param partition the partition
	 * @param owner the client id of the member that owns it, or {@code null}
	 * @param committedOffset the group's committed offset (for a share group, its start offset),
	 * or {@code null} when it has none
	 * @param endOffset the partition's end offset, or {@code null} when the broker did not say
	 * @param lag records not yet processed by the group, or {@code null} when unknown
	 */
	public record Partition(String topic, int partition, String owner, Long committedOffset, Long endOffset, Long lag) {
	}

}
