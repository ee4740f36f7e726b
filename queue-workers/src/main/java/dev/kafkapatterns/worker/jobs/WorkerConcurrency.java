package dev.kafkapatterns.worker.jobs;

import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Gives the worker's listener container {@code worker.concurrency} consumers (threads). Each is
 * its own member of {@code queue-workers} and owns its own partitions. Set here, from
 * {@link WorkerProperties}, so the default lives in one place.
 */
@Component
@ConditionalOnWorkerMode(WorkerMode.GROUP)
class WorkerConcurrency implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

	private final int concurrency;

	WorkerConcurrency(WorkerProperties properties) {
		this.concurrency = properties.concurrency();
	}

	@Override
	public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
		container.setConcurrency(this.concurrency);
	}

}
