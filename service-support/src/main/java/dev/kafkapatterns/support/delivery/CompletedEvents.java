package dev.kafkapatterns.support.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The event ids one consumer group's listener in this process has processed, and how far each
 * got, so that a redelivered event (after a rebalance, a retry or a failed commit) does not run
 * its side effect twice here. Bounded: the least recently used ids are forgotten first.
 */
final class CompletedEvents {

	/** How far a processed event got. */
	enum State {

		/** The side effect is done; its receipt has not reached the broker. */
		WORK_DONE,

		/** The side effect is done and its receipt is on its way. */
		RECEIPT_PENDING,

		/** The side effect is done and its receipt was acknowledged. */
		RECEIPT_SENT

	}

	/**
	 * @param state how far it got
	 * @param outcome what the side effect did, for the log line of a receipt sent again; only kept
	 * until the receipt is acknowledged
	 */
	record Entry(State state, String outcome) {

		private static final Entry SENT = new Entry(State.RECEIPT_SENT, null);

	}

	private final Cache<String, Entry> events;

	CompletedEvents(long maxIds) {
		this.events = Caffeine.newBuilder().maximumSize(maxIds).build();
	}

	Entry get(String eventId) {
		return this.events.getIfPresent(eventId);
	}

	void workDone(String eventId, String outcome) {
		this.events.put(eventId, new Entry(State.WORK_DONE, outcome));
	}

	void receiptPending(String eventId, String outcome) {
		this.events.put(eventId, new Entry(State.RECEIPT_PENDING, outcome));
	}

	void receiptSent(String eventId) {
		this.events.put(eventId, Entry.SENT);
	}

	/** The receipt did not reach the broker: the next delivery sends it again. */
	void receiptFailed(String eventId) {
		this.events.asMap()
			.computeIfPresent(eventId,
					(id, entry) -> (entry.state() == State.RECEIPT_PENDING) ? new Entry(State.WORK_DONE, entry.outcome())
							: entry);
	}

}
