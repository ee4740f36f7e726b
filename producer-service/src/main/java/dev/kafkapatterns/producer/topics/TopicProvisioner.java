package dev.kafkapatterns.producer.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the missing topics at start-up and sets the retention and {@code min.insync.replicas}
 * of all of them. It never changes the partition count of an existing topic: more partitions
 * would send existing keys to other partitions and break their order. A topic with another count
 * than {@code app.topics.partitions} stops the start-up with a message that says so.
 */
class TopicProvisioner implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(TopicProvisioner.class);

	private final Map<String, Object> adminConfig;

	private final List<TopicSpec> specs;

	private final int partitions;

	private final short replicationFactor;

	private final Duration timeout;

	private final boolean failFast;

	TopicProvisioner(Map<String, Object> adminConfig, List<TopicSpec> specs, int partitions, short replicationFactor,
			Duration timeout, boolean failFast) {
		this.adminConfig = adminConfig;
		this.specs = specs;
		this.partitions = partitions;
		this.replicationFactor = replicationFactor;
		this.timeout = timeout;
		this.failFast = failFast;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Admin admin = Admin.create(this.adminConfig);
		try {
			provision(admin);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			if (ex instanceof PartitionCountMismatchException || this.failFast) {
				throw (ex instanceof PartitionCountMismatchException mismatch) ? mismatch
						: new IllegalStateException("Could not check or create the topics: " + ex.getMessage(), ex);
			}
			logger.warn("Could not check or create the topics, continuing without: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the topics", ex);
		}
		finally {
			// Without a bound, close() waits for calls to a dead broker until their own minute passes.
			admin.close(Duration.ofSeconds(1));
		}
	}

	private void provision(Admin admin) throws ExecutionException, InterruptedException,
			TimeoutException {
		Map<String, TopicDescription> existing = describe(admin);
		for (TopicDescription topic : existing.values()) {
			if (topic.partitions().size() != this.partitions) {
				throw new PartitionCountMismatchException(topic.name(), topic.partitions().size(), this.partitions);
			}
		}
		List<NewTopic> missing = new ArrayList<>();
		Map<ConfigResource, Collection<AlterConfigOp>> updates = new HashMap<>();
		for (TopicSpec spec : this.specs) {
			TopicDescription topic = existing.get(spec.name());
			int replicas = (topic != null) ? topic.partitions().get(0).replicas().size() : this.replicationFactor;
			Map<String, String> config = config(spec, replicas);
			if (topic == null) {
				missing.add(new NewTopic(spec.name(), this.partitions, this.replicationFactor).configs(config));
			}
			else {
				updates.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), config.entrySet()
					.stream()
					.map((entry) -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
							AlterConfigOp.OpType.SET))
					.toList());
			}
			logger.info("Topic {}: {}{}", spec.name(), config, (topic == null) ? " (created)" : "");
		}
		for (var created : admin.createTopics(missing).values().values()) {
			try {
				created.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				// Another instance created it in the meantime: that is fine.
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
		}
		if (!updates.isEmpty()) {
			admin.incrementalAlterConfigs(updates).all().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private Map<String, TopicDescription> describe(Admin admin) throws InterruptedException, ExecutionException,
			TimeoutException {
		Map<String, TopicDescription> existing = new HashMap<>();
		var described = admin
			.describeTopics(this.specs.stream().map(TopicSpec::name).toList(),
					new DescribeTopicsOptions().timeoutMs((int) this.timeout.toMillis()))
			.topicNameValues();
		for (var entry : described.entrySet()) {
			try {
				existing.put(entry.getKey(), entry.getValue().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
					throw ex;
				}
			}
		}
		return existing;
	}

	private static Map<String, String> config(TopicSpec spec, int replicas) {
		return new TreeMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy(), TopicConfig.RETENTION_MS_CONFIG,
				Long.toString(spec.retention().toMillis()),
				// acks=all then means "on at least two brokers" wherever there are two.
				TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.min(2, replicas))));
	}

	/** An existing topic has another partition count than the one configured. */
	static class PartitionCountMismatchException extends IllegalStateException {

		PartitionCountMismatchException(String topic, int existing, int configured) {
			super("Topic '" + topic + "' has " + existing + " partitions, but app.topics.partitions is " + configured
					+ ". The producer-service never changes the partition count of an existing topic: more"
					+ " partitions would move existing keys to other partitions and break their order. Set"
					+ " app.topics.partitions=" + existing + ", or delete and re-create the topic on purpose.");
		}

	}

}
