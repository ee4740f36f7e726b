package dev.kafkapatterns.worker.jobs;

/**
 * How the workers share the jobs ({@code worker.mode}, {@code WORKER_MODE}).
 */
public enum WorkerMode {

	/**
	 * A consumer group, {@code queue-workers}: each partition belongs to one worker, so jobs of one
	 * key run in order, and the workers that can be busy are at most the partition count.
	 */
	GROUP,

	/**
	 * A share group (KIP-932), {@code queue-workers-share}: the broker lends records one by one
	 * under a lock, so any number of workers can share a partition; no order per key, and each
	 * record is acknowledged, released for redelivery or rejected on its own.
	 */
	SHARE

}
