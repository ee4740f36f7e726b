package dev.kafkapatterns.localstack;

import java.util.Locale;

/**
 * How the queue workers share the events, passed to each as {@code WORKER_MODE} (the workers'
 * {@code worker.mode}).
 */
public enum WorkerMode {

	/** One consumer group: each partition belongs to one worker at a time. */
	GROUP,

	/** One share group (KIP-932): the workers share the records of every partition. */
	SHARE;

	/** The value of {@code --worker-mode} and {@code WORKER_MODE}: {@code group} or {@code share}. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
