/**
 * The benchmark: the whole system measured against Kafka's own tools on one broker in one run.
 * {@code cli} runs it; {@code stack} starts or reaches the system; {@code baseline} runs Kafka's
 * tools; {@code rest}, {@code drain}, {@code latency} and {@code scaling} are the scenarios;
 * {@code kafka} reads receipts and group state; {@code report} writes the results.
 */
package dev.kafkapatterns.bench;
