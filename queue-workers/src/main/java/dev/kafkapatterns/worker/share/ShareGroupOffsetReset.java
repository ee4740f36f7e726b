package dev.kafkapatterns.worker.share;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.delivery.BeforeListenersStart;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractShareKafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Sets {@code share.auto.offset.reset=earliest} on the worker's share group before its first
 * member consumes. A share group starts at the <em>latest</em> offset unless told otherwise, unlike
 * this project's consumer groups, so jobs published before the first share worker started would
 * be skipped.
 *
 * <p>Why the worker and not the producer-service (which creates the topics): the group belongs
 * to the workers, its name is on their listener, and only a share-mode worker knows the group
 * will exist. The call is idempotent, so every share worker makes it at start-up, before its
 * listener containers start (a lower lifecycle phase); the start-up fails with a clear message if
 * the broker cannot be told in time, rather than skip jobs silently.
 */
class ShareGroupOffsetReset extends BeforeListenersStart {

	static final String OFFSET_RESET = "share.auto.offset.reset";

	private static final Logger logger = LoggerFactory.getLogger(ShareGroupOffsetReset.class);

	private final KafkaAdmin admin;

	private final KafkaListenerEndpointRegistry listeners;

	ShareGroupOffsetReset(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners) {
		this.admin = admin;
		this.listeners = listeners;
	}

	@Override
	protected void beforeListenersStart() {
		List<String> groups = shareGroups(this.listeners.getAllListenerContainers());
		Duration timeout = Duration.ofSeconds(this.admin.getOperationTimeout());
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			for (String group : groups) {
				client
					.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group),
							List.of(new AlterConfigOp(new ConfigEntry(OFFSET_RESET, "earliest"), AlterConfigOp.OpType.SET))))
					.all()
					.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				logger.info("share group {}: {}=earliest, so no job published before the first worker is skipped",
						group, OFFSET_RESET);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting " + OFFSET_RESET, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not set " + OFFSET_RESET + "=earliest on the share group(s) "
					+ groups + " within " + timeout.toSeconds() + " s; without it the workers would skip the jobs "
					+ "published before the first of them started", ex);
		}
	}

	private static List<String> shareGroups(Collection<MessageListenerContainer> containers) {
		return containers.stream()
			.filter(AbstractShareKafkaMessageListenerContainer.class::isInstance)
			.map(MessageListenerContainer::getGroupId)
			.distinct()
			.toList();
	}

}
