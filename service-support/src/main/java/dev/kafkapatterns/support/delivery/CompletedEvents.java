package dev.kafkapatterns.support.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The event ids one consumer group's listener in this process has processed, and how far each
 * got, so that a redelivered event (after a rebalance, a retry or a failed commit) does not run
 * its side effect twice here. Bounded: the ids used least are forgotten first.
 *
 * <p>Only the listener's own thread writes here while events flow (two writes per event); the
 * producer's thread writes only when a receipt fails. Caffeine's upkeep runs on the writing
 * thread ({@code executor(Runnable::run)}): handing it to the common pool woke a second thread
 * every few writes, which cost more CPU than the upkeep itself.
 */
final class CompletedEvents {

	/** How far a processed event got. */
	enum State {

		/** The side effect is done; its receipt has not reached the broker. */
		WORK_DONE,

		/** The side effect is done and its receipt was sent: acknowledged or on its way. */
		RECEIPT_SENT

	}

	/**
	 * @param state how far it got
	 * @param outcome what the side effect did, for the log line of a receipt sent again
	 */
	record Entry(State state, String outcome) {

	}

	private final Cache<String, Entry> events;

	CompletedEvents(long maxIds) {
		this.events = Caffeine.newBuilder().maximumSize(maxIds).executor(Runnable::run).build();
	}

	Entry get(String eventId) {
		return this.events.getIfPresent(eventId);
	}

	void workDone(String eventId, String outcome) {
		this.events.put(eventId, new Entry(State.WORK_DONE, outcome));
	}

	void receiptSent(String eventId, String outcome) {
		this.events.put(eventId, new Entry(State.RECEIPT_SENT, outcome));
	}

	/** The receipt did not reach the broker: the next delivery sends it again. */
	void receiptFailed(String eventId) {
		this.events.asMap()
			.computeIfPresent(eventId,
					(id, entry) -> (entry.state() == State.RECEIPT_SENT) ? new Entry(State.WORK_DONE, entry.outcome())
							: entry);
	}

}
