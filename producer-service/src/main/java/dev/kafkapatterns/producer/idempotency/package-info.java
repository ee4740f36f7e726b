/**
 * Idempotency keys: what the service answered to each {@code Idempotency-Key}, kept in a
 * compacted Kafka topic that every instance reads, so a retry gets the same answer on any
 * instance and after a restart. The publish feature builds on it; it knows nothing of publishing.
 */
package dev.kafkapatterns.producer.idempotency;
