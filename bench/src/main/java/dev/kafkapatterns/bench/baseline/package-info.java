/**
 * Kafka's own tools, ProducerPerformance, ConsumerPerformance and EndToEndLatency, run as child JVMs, and their output read back.
 */
package dev.kafkapatterns.bench.baseline;
