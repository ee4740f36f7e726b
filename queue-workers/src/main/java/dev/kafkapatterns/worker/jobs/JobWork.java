package dev.kafkapatterns.worker.jobs;

import java.time.Duration;

import dev.kafkapatterns.model.Event;

/**
 * How long a job's simulated work takes: {@code payload.workMs}, bounded by
 * {@code worker.max-work}, or {@code worker.default-work} when the payload does not say.
 */
final class JobWork {

	/** The payload field that asks for an amount of work. */
	static final String WORK_MS = "workMs";

	private JobWork() {
	}

	static Duration of(Event job, WorkerProperties properties) {
		if (job.payload().get(WORK_MS) instanceof Number workMs && workMs.doubleValue() >= 0) {
			long millis = (long) Math.min(workMs.doubleValue(), properties.maxWork().toMillis());
			return Duration.ofMillis(millis);
		}
		return properties.defaultWork();
	}

}
