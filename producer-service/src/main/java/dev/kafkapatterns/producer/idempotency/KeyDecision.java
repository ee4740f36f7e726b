package dev.kafkapatterns.producer.idempotency;

/**
 * What to do with a request that carries an {@code Idempotency-Key}.
 */
public sealed interface KeyDecision {

	/**
	 * This request holds the key: publish the events of {@code claim} not yet acknowledged, under
	 * its ids, then {@link IdempotencyLog#complete complete} it.
	 *
	 * @param key the idempotency key
	 * @param claim the claim, with the ids and what earlier attempts already had acknowledged
	 */
	record Proceed(String key, KeyRecord claim) implements KeyDecision {
	}

	/**
	 * The same request was answered before: answer the same again, publish nothing.
	 *
	 * @param answer the stored answer
	 */
	record Replay(KeyRecord answer) implements KeyDecision {
	}

	/** A request with the same key is still being processed (409). */
	record InUse() implements KeyDecision {
	}

	/** The key was used for a different request (422). */
	record Reused() implements KeyDecision {
	}

}
