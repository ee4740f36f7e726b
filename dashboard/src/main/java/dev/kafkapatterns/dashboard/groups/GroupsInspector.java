package dev.kafkapatterns.dashboard.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * Asks the broker about every consumer group and share group: who the members are, which
 * partitions each owns, the committed offsets and the end offsets, and from those the lag.
 *
 * <p>It only describes. The {@link Admin} client is private to this class and nothing here
 * deletes, alters or resets (an architecture test keeps it so).
 */
class GroupsInspector implements AutoCloseable {

	private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION = Comparator
		.comparing(TopicPartition::topic)
		.thenComparingInt(TopicPartition::partition);

	private final Admin admin;

	private final Duration timeout;

	GroupsInspector(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	/**
	 * Describes every group.
	 * @return the snapshot
	 * @throws GroupsUnavailableException when the broker does not answer in time
	 */
	GroupsSnapshot inspect() {
		Instant takenAt = Instant.now();
		BrokerDeadline deadline = new BrokerDeadline(this.timeout);
		List<String> consumerGroups = new ArrayList<>();
		List<String> shareGroups = new ArrayList<>();
		for (GroupListing listing : deadline.get(this.admin.listGroups(new ListGroupsOptions()
			.withTypes(Set.of(GroupType.CONSUMER, GroupType.CLASSIC, GroupType.SHARE))
			.timeoutMs(timeoutMs())).all())) {
			if (listing.type().orElse(GroupType.CLASSIC) == GroupType.SHARE) {
				shareGroups.add(listing.groupId());
			}
			else if (listing.protocol().isEmpty() || "consumer".equals(listing.protocol())) {
				// Classic groups of other protocols (Connect workers, for example) are not consumers.
				consumerGroups.add(listing.groupId());
			}
		}
		// Per group, not all(): a group that disappears between the listing and the description is
		// left out instead of failing the whole snapshot.
		Map<String, ConsumerGroupDescription> consumers = consumerGroups.isEmpty() ? Map.of()
				: deadline.each(this.admin.describeConsumerGroups(consumerGroups).describedGroups());
		Map<String, ShareGroupDescription> shares = shareGroups.isEmpty() ? Map.of()
				: deadline.each(this.admin.describeShareGroups(shareGroups).describedGroups());
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
		if (!consumerGroups.isEmpty()) {
			var result = this.admin.listConsumerGroupOffsets(specs(consumerGroups, new ListConsumerGroupOffsetsSpec()));
			consumerGroups.forEach((id) -> committed.put(id, deadline.orEmpty(result.partitionsToOffsetAndMetadata(id))));
		}
		Map<String, Map<TopicPartition, SharePartitionOffsetInfo>> started = new HashMap<>();
		if (!shareGroups.isEmpty()) {
			var result = this.admin.listShareGroupOffsets(specs(shareGroups, new ListShareGroupOffsetsSpec()));
			shareGroups.forEach((id) -> started.put(id, deadline.orEmpty(result.partitionsToOffsetInfo(id))));
		}

		Set<TopicPartition> partitions = new TreeSet<>(BY_TOPIC_AND_PARTITION);
		consumers.values().forEach((group) -> group.members()
			.forEach((member) -> partitions.addAll(member.assignment().topicPartitions())));
		shares.values().forEach((group) -> group.members()
			.forEach((member) -> partitions.addAll(member.assignment().topicPartitions())));
		committed.values().forEach((offsets) -> partitions.addAll(offsets.keySet()));
		started.values().forEach((offsets) -> partitions.addAll(offsets.keySet()));
		Map<TopicPartition, Long> ends = endOffsets(partitions, deadline);

		List<GroupsSnapshot.Group> groups = new ArrayList<>();
		consumers.values().forEach((group) -> groups.add(consumerGroup(group,
				committed.getOrDefault(group.groupId(), Map.of()), ends)));
		shares.values().forEach((group) -> groups.add(shareGroup(group,
				started.getOrDefault(group.groupId(), Map.of()), ends)));
		groups.sort(Comparator.comparing(GroupsSnapshot.Group::groupId));
		return new GroupsSnapshot(takenAt, List.copyOf(groups));
	}

	private GroupsSnapshot.Group consumerGroup(ConsumerGroupDescription group,
			Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> ends) {
		Map<TopicPartition, String> owners = new HashMap<>();
		List<GroupsSnapshot.Member> members = new ArrayList<>();
		for (MemberDescription member : group.members()) {
			members.add(member(member.consumerId(), member.clientId(), member.host(),
					member.assignment().topicPartitions(), owners));
		}
		Map<TopicPartition, Long> offsets = new HashMap<>();
		committed.forEach((partition, offset) -> offsets.put(partition, (offset != null) ? offset.offset() : null));
		return group(group.groupId(), (group.type() == GroupType.CLASSIC) ? "classic" : "consumer",
				group.groupState().toString(), members, owners, offsets, Map.of(), ends);
	}

	private GroupsSnapshot.Group shareGroup(ShareGroupDescription group,
			Map<TopicPartition, SharePartitionOffsetInfo> started, Map<TopicPartition, Long> ends) {
		Map<TopicPartition, String> owners = new HashMap<>();
		List<GroupsSnapshot.Member> members = new ArrayList<>();
		for (ShareMemberDescription member : group.members()) {
			members.add(member(member.consumerId(), member.clientId(), member.host(),
					member.assignment().topicPartitions(), owners));
		}
		Map<TopicPartition, Long> offsets = new HashMap<>();
		Map<TopicPartition, Long> lags = new HashMap<>();
		started.forEach((partition, info) -> {
			offsets.put(partition, (info != null) ? info.startOffset() : null);
			if (info != null) {
				info.lag().ifPresent((lag) -> lags.put(partition, lag));
			}
		});
		return group(group.groupId(), "share", group.groupState().toString(), members, owners, offsets, lags, ends);
	}

	private static GroupsSnapshot.Member member(String memberId, String clientId, String host,
			Collection<TopicPartition> assigned, Map<TopicPartition, String> owners) {
		List<TopicPartition> sorted = assigned.stream().sorted(BY_TOPIC_AND_PARTITION).toList();
		// In a share group several members share a partition; the panel names the first.
		sorted.forEach((partition) -> owners.putIfAbsent(partition, clientId));
		return new GroupsSnapshot.Member(memberId, clientId, host, sorted.stream().map(TopicPartition::toString).toList(),
				sorted.isEmpty());
	}

	private static GroupsSnapshot.Group group(String groupId, String type, String state,
			List<GroupsSnapshot.Member> members, Map<TopicPartition, String> owners, Map<TopicPartition, Long> offsets,
			Map<TopicPartition, Long> reportedLags, Map<TopicPartition, Long> ends) {
		Set<TopicPartition> partitions = new TreeSet<>(BY_TOPIC_AND_PARTITION);
		partitions.addAll(owners.keySet());
		partitions.addAll(offsets.keySet());
		List<GroupsSnapshot.Partition> views = new ArrayList<>();
		Long totalLag = null;
		for (TopicPartition partition : partitions) {
			Long offset = offsets.get(partition);
			Long end = ends.get(partition);
			Long lag = reportedLags.get(partition);
			if (lag == null && offset != null && end != null) {
				lag = Math.max(0, end - offset);
			}
			if (lag != null) {
				totalLag = ((totalLag != null) ? totalLag : 0) + lag;
			}
			views.add(new GroupsSnapshot.Partition(partition.topic(), partition.partition(), owners.get(partition), offset,
					end, lag));
		}
		members.sort(Comparator.comparing(GroupsSnapshot.Member::clientId, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(GroupsSnapshot.Member::memberId, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new GroupsSnapshot.Group(groupId, type, state, List.copyOf(members), List.copyOf(views), totalLag, null);
	}

	private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, BrokerDeadline deadline) {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		ListOffsetsResult result = this.admin.listOffsets(latest);
		Map<TopicPartition, Long> ends = new HashMap<>();
		for (TopicPartition partition : partitions) {
			// A deleted topic, for example: that partition shows no lag, the others still do.
			ListOffsetsResult.ListOffsetsResultInfo end = deadline.orNull(result.partitionResult(partition));
			if (end != null) {
				ends.put(partition, end.offset());
			}
		}
		return ends;
	}

	private static <S> Map<String, S> specs(List<String> groupIds, S spec) {
		Map<String, S> specs = new HashMap<>();
		groupIds.forEach((id) -> specs.put(id, spec));
		return specs;
	}

	private int timeoutMs() {
		return (int) this.timeout.toMillis();
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
