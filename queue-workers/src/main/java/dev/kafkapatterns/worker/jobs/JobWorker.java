package dev.kafkapatterns.worker.jobs;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ConsumerIdentity;
import dev.kafkapatterns.support.delivery.EventBatchProcessor;
import dev.kafkapatterns.support.delivery.EventBatchProcessors;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The queue worker. Every instance joins the same consumer group, {@code queue-workers}, so Kafka
 * gives each partition to one instance and each job runs on one worker. Add instances to share
 * the work; past the partition count, the extra instances wait idle.
 */
@Component
class JobWorker {

	static final ConsumerIdentity WORKER = new ConsumerIdentity("queue-worker", "worker", "job");

	private final JobWork jobWork;

	private final EventBatchProcessor processor;

	private final Timer work;

	JobWorker(JobWork jobWork, EventBatchProcessors processors, WorkerProperties properties, MeterRegistry registry) {
		this.jobWork = jobWork;
		// Jobs this instance completed are remembered, so a redelivered job is not done twice here.
		this.processor = processors.forConsumer(WORKER, properties.completedIdsMax());
		this.work = Timer.builder("jobs.work").description("Simulated work per job").register(registry);
	}

	@KafkaListener(id = "queue-worker", groupId = "queue-workers", topics = "${app.topics.events}",
			clientIdPrefix = "queue-worker-${app.instance-id}")
	void on(List<ConsumerRecord<String, Event>> jobs, Acknowledgment acknowledgment) {
		this.processor.process(jobs, acknowledgment, this::doJob);
	}

	private String doJob(ConsumerRecord<String, Event> job) {
		Duration duration = this.jobWork.of(job.value());
		this.work.record(() -> JobWork.simulate(duration));
		return "job done in " + duration.toMillis() + " ms";
	}

}
