package dev.kafkapatterns.producer.idempotency;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The in-memory view of the key topic, bounded by {@code max-events} and the TTL. Every instance
 * applies the records of the topic in log order with the same rules, so they agree on which
 * request holds a key: the first claim in the log wins, and a later one only replaces an answer
 * past its TTL, or takes over a claim past its in-flight timeout or a partial answer of the same
 * request, under the same ids.
 */
final class KeyLedger {

	private final Cache<String, KeyRecord> keys;

	private final Duration ttl;

	private final Duration inFlightTimeout;

	KeyLedger(IdempotencyProperties properties) {
		this.ttl = properties.ttl();
		this.inFlightTimeout = properties.inFlightTimeout();
		this.keys = Caffeine.newBuilder()
			.maximumWeight(properties.maxEvents())
			.weigher((String key, KeyRecord record) -> Math.max(1, record.ids().size()))
			.expireAfter(Expiry.<String, KeyRecord>writing((key, record) -> remaining(record)))
			.build();
	}

	KeyRecord find(String key, Instant now) {
		KeyRecord record = this.keys.getIfPresent(key);
		return (record == null || expired(record, now)) ? null : record;
	}

	void apply(String key, KeyRecord record) {
		this.keys.asMap().compute(key, (k, current) -> accepts(current, record) ? record : current);
	}

	boolean abandoned(KeyRecord record, Instant now) {
		return record.inFlight() && record.at().plus(this.inFlightTimeout).isBefore(now);
	}

	private boolean accepts(KeyRecord current, KeyRecord record) {
		if (current == null || record.claim().equals(current.claim())) {
			return true;
		}
		if (!record.inFlight()) {
			// The completion of a claim that lost.
			return false;
		}
		if (expired(current, record.at())) {
			return true;
		}
		// Taking over an abandoned claim, or continuing a partial answer, keeps the ids it gave out.
		boolean continuable = abandoned(current, record.at()) || (!current.inFlight() && !current.complete());
		return continuable && current.fingerprint().equals(record.fingerprint()) && current.ids().equals(record.ids());
	}

	private boolean expired(KeyRecord record, Instant now) {
		return record.at().plus(this.ttl).isBefore(now);
	}

	private Duration remaining(KeyRecord record) {
		Duration left = Duration.between(Instant.now(), record.at().plus(this.ttl));
		return left.isNegative() ? Duration.ZERO : left;
	}

}
