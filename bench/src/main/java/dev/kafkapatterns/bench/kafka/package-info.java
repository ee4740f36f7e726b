/**
 * What the benchmark reads from and writes to the broker: receipts, group state, backlogs written straight to the topic.
 */
package dev.kafkapatterns.bench.kafka;
