package dev.kafkapatterns.worker.jobs;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.EventBatchProcessor;
import dev.kafkapatterns.support.delivery.EventProcessors;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The queue worker in {@code worker.mode=group}, the default. Every instance joins the same
 * consumer group, {@code queue-workers}, so Kafka gives each partition to one instance and each
 * job runs on one worker. Add instances to share the work; past the partition count, the extra
 * instances wait idle.
 */
@Component
@ConditionalOnWorkerMode(WorkerMode.GROUP)
class JobWorker {

	private final JobWork jobWork;

	private final EventBatchProcessor processor;

	JobWorker(JobWork jobWork, EventProcessors processors, WorkerProperties properties) {
		this.jobWork = jobWork;
		// Jobs this instance completed are remembered, so a redelivered job is not done twice here.
		this.processor = processors.forConsumer(JobWork.WORKER, properties.completedIdsMax());
	}

	@KafkaListener(id = "queue-worker", groupId = "queue-workers", topics = "${app.topics.events}",
			clientIdPrefix = "queue-worker-${app.instance-id}")
	void on(List<ConsumerRecord<String, Event>> jobs, Acknowledgment acknowledgment) {
		this.processor.process(jobs, acknowledgment, this.jobWork::doJob);
	}

}
