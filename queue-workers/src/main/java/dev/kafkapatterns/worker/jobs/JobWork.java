package dev.kafkapatterns.worker.jobs;

import java.time.Duration;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.demo.DemoProperties;

import org.springframework.stereotype.Component;

/**
 * How long a job's simulated work takes: {@code payload.workMs}, bounded by
 * {@code worker.max-work}, when the demo's levers are on ({@code app.demo.enabled}); otherwise,
 * or when the payload does not say, {@code worker.default-work}.
 */
@Component
class JobWork {

	/** The payload field that asks for an amount of work. */
	static final String WORK_MS = "workMs";

	private final WorkerProperties properties;

	private final boolean demo;

	JobWork(WorkerProperties properties, DemoProperties demo) {
		this.properties = properties;
		this.demo = demo.enabled();
	}

	Duration of(Event job) {
		if (this.demo && job.payload().get(WORK_MS) instanceof Number workMs && workMs.doubleValue() >= 0) {
			long millis = (long) Math.min(workMs.doubleValue(), this.properties.maxWork().toMillis());
			return Duration.ofMillis(millis);
		}
		return this.properties.defaultWork();
	}

	static void simulate(Duration duration) {
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
