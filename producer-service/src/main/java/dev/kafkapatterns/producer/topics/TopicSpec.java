package dev.kafkapatterns.producer.topics;

import java.time.Duration;

import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic and how long it keeps its records.
 *
 * @param name the topic
 * @param cleanupPolicy {@code delete}, or {@code compact,delete} for a topic that keeps the latest
 * record per key, for at most the retention
 * @param retention how long records are kept
 */
record TopicSpec(String name, String cleanupPolicy, Duration retention) {

	static TopicSpec deleting(String name, Duration retention) {
		return new TopicSpec(name, TopicConfig.CLEANUP_POLICY_DELETE, retention);
	}

	static TopicSpec compacted(String name, Duration retention) {
		return new TopicSpec(name, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
				retention);
	}

}
