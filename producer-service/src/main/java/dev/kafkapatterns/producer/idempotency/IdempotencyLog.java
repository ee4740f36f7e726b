package dev.kafkapatterns.producer.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} records, kept in the compacted key topic. A request claims its key
 * by appending a record and then reading the topic up to that record: every claim before it is
 * then known, on this instance as on every other, so exactly one request wins a key (see
 * {@link KeyLedger}). Each instance reads every partition of the topic, assigned without a
 * consumer group (so no rebalance or coordinator can stall it), from {@code ttl} ago, as it reads
 * the delivery receipts.
 */
@Component
public class IdempotencyLog implements ConsumerSeekAware {

	private final KafkaTemplate<String, byte[]> template;

	private final JsonMapper json;

	private final ObjectReader reader;

	private final String topic;

	private final String partitions;

	private final KeyLedger ledger;

	private final Duration ttl;

	private final Clock clock = Clock.systemUTC();

	/** The next offset this instance has not applied yet, per partition of the key topic. */
	private final Map<Integer, Long> applied = new HashMap<>();

	IdempotencyLog(KafkaTemplate<String, byte[]> template, JsonMapper json, TopicsProperties topics,
			IdempotencyProperties properties) {
		this.template = template;
		this.json = json;
		// Records written by a newer version may have more fields.
		this.reader = json.readerFor(KeyRecord.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.topic = topics.idempotency();
		this.partitions = "0-" + (topics.partitions() - 1);
		this.ledger = new KeyLedger(properties);
		this.ttl = properties.ttl();
	}

	/** The key topic, for the listener annotation. */
	public String getTopic() {
		return this.topic;
	}

	/** Every partition of the key topic, for the listener annotation. */
	public String getPartitions() {
		return this.partitions;
	}

	/**
	 * Decides what to do with a request that carries a key, claiming the key when the request is
	 * new or continues an unfinished answer.
	 * @param key the idempotency key
	 * @param fingerprint the request's fingerprint
	 * @param events how many events the request holds
	 * @param timeout how long to wait for the broker
	 * @return the decision
	 * @throws KeyLogUnavailableException when the claim could not be written or read back in
	 * time; nothing was claimed that this request will act on
	 */
	public KeyDecision begin(String key, String fingerprint, int events, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		// A claim made from a view that was behind loses to the record it did not know of; the
		// second attempt sees that record, since the first was read back after it.
		for (int attempt = 1;; attempt++) {
			Instant now = this.clock.instant();
			KeyRecord known = this.ledger.find(key, now);
			KeyDecision early = decide(known, fingerprint, null, now);
			if (early != null) {
				return early;
			}
			boolean continues = known != null && known.fingerprint().equals(fingerprint);
			List<String> ids = continues ? known.ids() : randomIds(events);
			List<KeyRecord.Acknowledgement> acknowledged = continues ? known.acknowledged()
					: Collections.nCopies(events, null);
			KeyRecord claim = new KeyRecord(UUID.randomUUID().toString(), fingerprint, now, ids, acknowledged, true);
			RecordMetadata written = write(key, claim, deadline);
			awaitApplied(written.partition(), written.offset(), deadline);
			Instant then = this.clock.instant();
			KeyRecord winner = this.ledger.find(key, then);
			KeyDecision decision = decide(winner, fingerprint, claim.claim(), then);
			if (decision == null) {
				return new KeyDecision.Proceed(key, claim);
			}
			if (!(decision instanceof KeyDecision.InUse) || attempt == 2 || winner.inFlight() && !this.ledger.abandoned(winner, then)) {
				return decision;
			}
		}
	}

	/**
	 * Records the answer of a request that held its key.
	 * @param proceed the decision the request acted on
	 * @param acknowledged where each event was acknowledged, {@code null} for those that were not
	 * @param timeout how long to wait for the broker
	 * @return completes when the answer is stored; fails when it could not be, and then the key
	 * stays claimed until its in-flight timeout
	 */
	public CompletableFuture<Void> complete(KeyDecision.Proceed proceed, List<KeyRecord.Acknowledgement> acknowledged,
			Duration timeout) {
		KeyRecord answer = proceed.claim().completed(proceed.claim().claim(), acknowledged, this.clock.instant());
		return this.template.send(this.topic, proceed.key(), this.json.writeValueAsBytes(answer))
			.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.thenAccept((written) -> this.ledger.apply(proceed.key(), answer));
	}

	@KafkaListener(id = "idempotency-keys", idIsGroup = false,
			topicPartitions = @TopicPartition(topic = "#{__listener.topic}", partitions = "#{__listener.partitions}"),
			properties = "spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.ByteArrayDeserializer")
	void on(ConsumerRecord<String, byte[]> record) {
		if (record.key() != null && record.value() != null) {
			this.ledger.apply(record.key(), this.reader.readValue(record.value()));
		}
		synchronized (this.applied) {
			this.applied.put(record.partition(), record.offset() + 1);
			this.applied.notifyAll();
		}
	}

	@Override
	public void onPartitionsAssigned(Map<org.apache.kafka.common.TopicPartition, Long> assignments,
			ConsumerSeekCallback callback) {
		// Only the last ttl matters: older answers have expired.
		callback.seekToTimestamp(assignments.keySet(), this.clock.instant().minus(this.ttl).toEpochMilli());
	}

	private KeyDecision decide(KeyRecord current, String fingerprint, String ownClaim, Instant now) {
		if (current == null || current.claim().equals(ownClaim)) {
			return null;
		}
		if (!current.fingerprint().equals(fingerprint)) {
			return new KeyDecision.Reused();
		}
		if (current.complete()) {
			return new KeyDecision.Replay(current);
		}
		boolean continuable = (ownClaim == null)
				&& (!current.inFlight() || this.ledger.abandoned(current, now));
		return continuable ? null : new KeyDecision.InUse();
	}

	private RecordMetadata write(String key, KeyRecord record, long deadline) {
		try {
			return this.template.send(this.topic, key, this.json.writeValueAsBytes(record))
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
				.getRecordMetadata();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeyLogUnavailableException("interrupted", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new KeyLogUnavailableException("the key record was not acknowledged in time", ex);
		}
	}

	private void awaitApplied(int partition, long offset, long deadline) {
		synchronized (this.applied) {
			while (this.applied.getOrDefault(partition, 0L) <= offset) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new KeyLogUnavailableException("the key record was not read back in time", null);
				}
				try {
					this.applied.wait(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new KeyLogUnavailableException("interrupted", ex);
				}
			}
		}
	}

	private static List<String> randomIds(int count) {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		return ids;
	}

}
