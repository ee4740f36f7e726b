package dev.kafkapatterns.worker.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The job ids this instance has completed, so that a redelivered job (after a rebalance, a retry
 * or a failed commit) is not done twice by the same worker. Bounded: the least recently used ids
 * are forgotten first.
 */
class CompletedJobs {

	/** How far a completed job got. */
	enum State {

		/** The work is done, but its receipt may not have reached the broker. */
		WORK_DONE,

		/** The work is done and its receipt was acknowledged. */
		RECEIPT_SENT

	}

	private final Cache<String, State> jobs;

	CompletedJobs(long maxIds) {
		this.jobs = Caffeine.newBuilder().maximumSize(maxIds).build();
	}

	State stateOf(String jobId) {
		return this.jobs.getIfPresent(jobId);
	}

	void workDone(String jobId) {
		this.jobs.put(jobId, State.WORK_DONE);
	}

	void receiptSent(String jobId) {
		this.jobs.put(jobId, State.RECEIPT_SENT);
	}

}
