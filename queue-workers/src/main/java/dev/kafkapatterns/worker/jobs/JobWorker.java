package dev.kafkapatterns.worker.jobs;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ConsumerIdentity;
import dev.kafkapatterns.support.delivery.DeliveryRecorder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The queue worker. Every instance joins the same consumer group, {@code queue-workers}, so Kafka
 * gives each partition to one instance and each job runs on one worker. Add instances to share
 * the work; past the partition count, the extra instances wait idle.
 */
@Component
class JobWorker {

	static final ConsumerIdentity WORKER = new ConsumerIdentity("queue-worker", "queue-workers", "worker");

	private static final Logger logger = LoggerFactory.getLogger(JobWorker.class);

	private final DeliveryRecorder recorder;

	private final WorkerProperties properties;

	private final CompletedJobs completed;

	private final String instance;

	private final Timer work;

	private final Counter duplicatesSkipped;

	JobWorker(DeliveryRecorder recorder, WorkerProperties properties, MeterRegistry registry,
			@Value("${app.instance-id}") String instance) {
		this.recorder = recorder;
		this.properties = properties;
		this.completed = new CompletedJobs(properties.completedIdsMax());
		this.instance = instance;
		this.work = Timer.builder("jobs.work").description("Simulated work per job").register(registry);
		this.duplicatesSkipped = Counter.builder("jobs.duplicates.skipped")
			.description("Redelivered jobs this instance had already completed")
			.register(registry);
	}

	@KafkaListener(id = "queue-worker", groupId = "queue-workers", topics = "${app.topics.events}",
			concurrency = "${worker.concurrency:1}", clientIdPrefix = "queue-worker-${app.instance-id}")
	void on(ConsumerRecord<String, Event> record, @Header(KafkaHeaders.DELIVERY_ATTEMPT) int deliveryAttempt) {
		Event job = record.value();
		CompletedJobs.State state = this.completed.stateOf(job.id());
		if (state == CompletedJobs.State.RECEIPT_SENT) {
			this.duplicatesSkipped.increment();
			logger.info("skipped job {} (partition={} offset={}): instance {} already completed it", job.id(),
					record.partition(), record.offset(), this.instance);
			return;
		}
		Duration duration = JobWork.of(job, this.properties);
		if (state == null) {
			this.recorder.failIfRequested(WORKER, job, deliveryAttempt);
			this.work.record(() -> simulate(duration));
			this.completed.workDone(job.id());
		}
		// A job whose work is done but whose receipt failed only needs its receipt.
		this.recorder.processed(WORKER, record, "job done in " + duration.toMillis() + " ms");
		this.completed.receiptSent(job.id());
	}

	private static void simulate(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during job work", ex);
		}
	}

}
