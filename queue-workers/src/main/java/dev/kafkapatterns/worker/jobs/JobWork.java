package dev.kafkapatterns.worker.jobs;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ConsumerIdentity;
import dev.kafkapatterns.support.demo.DemoProperties;

import org.springframework.stereotype.Component;

/**
 * A job's work, the same in both worker modes: simulated by sleeping {@code payload.workMs},
 * bounded by {@code worker.max-work}, when the demo's levers are on ({@code app.demo.enabled});
 * otherwise, or when the payload does not say, {@code worker.default-work}. Timed as
 * {@code jobs.work}.
 */
@Component
public class JobWork {

	/** Who does jobs, as log lines and receipts name it, in either mode. */
	public static final ConsumerIdentity WORKER = new ConsumerIdentity("queue-worker", "worker", "job");

	/** The payload field that asks for an amount of work. */
	static final String WORK_MS = "workMs";

	private final WorkerProperties properties;

	private final boolean demo;

	private final Timer work;

	JobWork(WorkerProperties properties, DemoProperties demo, MeterRegistry registry) {
		this.properties = properties;
		this.demo = demo.enabled();
		this.work = Timer.builder("jobs.work").description("Simulated work per job").register(registry);
	}

	/**
	 * Does one job.
	 * @param job the record
	 * @return what was done, for the log line
	 */
	public String doJob(ConsumerRecord<String, Event> job) {
		Duration duration = of(job.value());
		this.work.record(() -> simulate(duration));
		return "job done in " + duration.toMillis() + " ms";
	}

	Duration of(Event job) {
		if (this.demo && job.payload().get(WORK_MS) instanceof Number workMs && workMs.doubleValue() >= 0) {
			long millis = (long) Math.min(workMs.doubleValue(), this.properties.maxWork().toMillis());
			return Duration.ofMillis(millis);
		}
		return this.properties.defaultWork();
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
