package dev.kafkapatterns.producer.idempotency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What is known of one {@code Idempotency-Key}: the record value on the key topic (the record key
 * is the idempotency key). A claim ({@code inFlight}) is written before anything is published and
 * fixes the event ids; the completion, with the same {@code claim}, says which events the broker
 * acknowledged.
 *
 * @param claim a random id of the request that wrote the record
 * @param fingerprint the request's fingerprint ({@link RequestFingerprint})
 * @param at when the claim or the completion was written
 * @param ids the event ids, by index
 * @param acknowledged where each event was acknowledged, by index; {@code null} for an event that
 * was not
 * @param inFlight whether the request is still being processed
 */
public record KeyRecord(String claim, String fingerprint, Instant at, List<String> ids, List<Acknowledgement> acknowledged,
		boolean inFlight) {

	public KeyRecord {
		Objects.requireNonNull(claim, "claim");
		Objects.requireNonNull(fingerprint, "fingerprint");
		Objects.requireNonNull(at, "at");
		ids = List.copyOf(ids);
		// An unmodifiable list that keeps the nulls of events not acknowledged.
		acknowledged = Collections.unmodifiableList(new ArrayList<>(acknowledged));
		if (acknowledged.size() != ids.size()) {
			throw new IllegalArgumentException("one acknowledgement slot per id");
		}
	}

	/** Whether every event was acknowledged. */
	public boolean complete() {
		return !this.inFlight && !this.acknowledged.contains(null);
	}

	KeyRecord completed(String claimId, List<Acknowledgement> outcome, Instant now) {
		return new KeyRecord(claimId, this.fingerprint, now, this.ids, outcome, false);
	}

	/**
	 * Where the broker acknowledged an event.
	 *
	 * @param topic the topic
	 * @param partition the partition
	 * @param offset the offset
	 * @param timestamp the record's timestamp
	 */
	public record Acknowledgement(String topic, int partition, long offset, Instant timestamp) {
	}

}
