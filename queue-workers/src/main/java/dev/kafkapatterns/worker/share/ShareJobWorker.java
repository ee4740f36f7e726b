package dev.kafkapatterns.worker.share;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.EventProcessors;
import dev.kafkapatterns.support.delivery.ShareRecordProcessor;
import dev.kafkapatterns.worker.jobs.ConditionalOnWorkerMode;
import dev.kafkapatterns.worker.jobs.JobWork;
import dev.kafkapatterns.worker.jobs.WorkerMode;
import dev.kafkapatterns.worker.jobs.WorkerProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.ShareAcknowledgment;
import org.springframework.stereotype.Component;

/**
 * The queue worker in {@code worker.mode=share}. Every instance, and every thread of an instance,
 * joins the share group {@code queue-workers-share}: the broker hands each record to one member at
 * a time, so workers past the partition count still get work. The job, the log line and the
 * receipt are those of the consumer-group mode; the acknowledgement is per record.
 */
@Component
@ConditionalOnWorkerMode(WorkerMode.SHARE)
class ShareJobWorker {

	static final String LISTENER_ID = "queue-worker-share";

	private final JobWork jobWork;

	private final ShareRecordProcessor processor;

	private final KafkaListenerEndpointRegistry listeners;

	private volatile String group;

	ShareJobWorker(JobWork jobWork, EventProcessors processors, WorkerProperties properties,
			KafkaListenerEndpointRegistry listeners) {
		this.jobWork = jobWork;
		this.processor = processors.forShareConsumer(JobWork.WORKER, properties.completedIdsMax());
		this.listeners = listeners;
	}

	@KafkaListener(id = LISTENER_ID, groupId = "queue-workers-share", topics = "${app.topics.events}",
			containerFactory = ShareWorkerConfiguration.CONTAINER_FACTORY,
			clientIdPrefix = "queue-worker-share-${app.instance-id}")
	void on(ConsumerRecord<String, Event> job, ShareAcknowledgment acknowledgment) {
		this.processor.process(job, acknowledgment, group(), this.jobWork::doJob);
	}

	/** The group, from the container that runs the share consumer (its thread does not carry it). */
	private String group() {
		String known = this.group;
		if (known == null) {
			known = this.listeners.getListenerContainer(LISTENER_ID).getGroupId();
			this.group = known;
		}
		return known;
	}

}
