package dev.kafkapatterns.bench.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.kafkapatterns.bench.stack.WorkerMode;

/**
 * What the benchmark asks the broker: partition counts and end offsets, its own topics, and
 * whether a group has settled with the members it should have before a measurement starts.
 */
public final class GroupAdmin implements AutoCloseable {

	private final Admin admin;

	/** What the last look at the workers' group saw, to explain a time-out. */
	private String lastSeen = "";

	public GroupAdmin(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** The number of partitions of a topic. */
	public int partitionCount(String topic) {
		return get(this.admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
	}

	/**
	 * How many records a topic holds up to its end: the sum of its partitions' end offsets. Two
	 * looks apart say how many were written between them.
	 */
	public long endOffsets(String topic) {
		return endOffsets(latestOffsetsOf(topic));
	}

	/**
	 * Waits until a topic holds at least this many records, without reading them.
	 * @param topic the topic
	 * @param records the sum of its end offsets to wait for ({@link #endOffsets})
	 * @param deadline when to give up ({@link System#nanoTime()})
	 * @return whether it held them before the deadline
	 */
	public boolean awaitEndOffsets(String topic, long records, long deadline) throws InterruptedException {
		// The partitions once; then one request a look.
		Map<TopicPartition, OffsetSpec> latest = latestOffsetsOf(topic);
		while (endOffsets(latest) < records) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	private Map<TopicPartition, OffsetSpec> latestOffsetsOf(String topic) {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		for (TopicPartitionInfo partition : get(this.admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
			.partitions()) {
			latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
		}
		return latest;
	}

	private long endOffsets(Map<TopicPartition, OffsetSpec> latest) {
		return get(this.admin.listOffsets(latest).all()).values()
			.stream()
			.mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
			.sum();
	}

	/** Creates a topic, unless it exists. */
	public void createTopic(String name, int partitions) {
		try {
			this.admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create the topic " + name, ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Could not create the topic " + name + " within 30 s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Deletes the benchmark's own topics. */
	public void deleteTopics(Collection<String> names) {
		get(this.admin.deleteTopics(names).all());
	}

	/**
	 * Waits until the workers' group is stable with this many members and, in group mode, every
	 * partition assigned, so that a measurement does not include a rebalance.
	 * @param mode the worker mode, which names the group and its kind
	 * @param members the members expected
	 * @param partitions the partitions of the topic
	 * @param timeout how long to wait
	 * @return the number of members seen last
	 * @throws IllegalStateException when the group did not settle in time
	 */
	public int awaitSettled(WorkerMode mode, int members, int partitions, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String seen = "nothing yet";
		while (System.nanoTime() < deadline) {
			try {
				if (mode == WorkerMode.GROUP ? groupSettled(mode, members, partitions) : shareGroupSettled(mode, members)) {
					return members;
				}
				seen = this.lastSeen;
			}
			catch (IllegalStateException ex) {
				// A share group the broker does not know yet is an error, not an empty group: ask again.
				seen = ex.getMessage();
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The group " + mode.groupId() + " did not settle with " + members
				+ " members within " + timeout.toSeconds() + " s; last seen: " + seen);
	}

	private boolean groupSettled(WorkerMode mode, int members, int partitions) {
		ConsumerGroupDescription group = get(this.admin.describeConsumerGroups(List.of(mode.groupId())).all())
			.get(mode.groupId());
		int assigned = group.members().stream().mapToInt(GroupAdmin::assignedPartitions).sum();
		boolean everyMemberWorks = members > partitions
				|| group.members().stream().allMatch((member) -> assignedPartitions(member) > 0);
		this.lastSeen = group.groupState() + " with " + group.members().size() + " members, " + assigned
				+ " partitions assigned";
		return group.groupState() == GroupState.STABLE && group.members().size() == members && assigned == partitions
				&& everyMemberWorks;
	}

	private boolean shareGroupSettled(WorkerMode mode, int members) {
		ShareGroupDescription group = get(this.admin.describeShareGroups(List.of(mode.groupId())).all())
			.get(mode.groupId());
		this.lastSeen = group.groupState() + " with " + group.members().size() + " members";
		return group.groupState() == GroupState.STABLE && group.members().size() == members;
	}

	/**
	 * Waits until these consumer groups have no members, after their processes were stopped.
	 * @param groups the groups
	 * @param timeout how long to wait
	 * @return whether they emptied in time
	 */
	public boolean awaitEmpty(Collection<String> groups, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, ConsumerGroupDescription> described = get(this.admin.describeConsumerGroups(groups).all());
			if (described.values().stream().allMatch((group) -> group.members().isEmpty())) {
				return true;
			}
			Thread.sleep(250);
		}
		return false;
	}

	private static int assignedPartitions(MemberDescription member) {
		Set<?> partitions = member.assignment().topicPartitions();
		return partitions.size();
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The broker refused: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The broker did not answer within 30 s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
