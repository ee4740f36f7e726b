/**
 * The consumer side of delivery, shared by the fanout consumers and the queue workers: the
 * receipt and the log line for each processed event, failures on purpose, and retries that end
 * in the dead-letter topic. A consumer application opts in with
 * {@code @Import(EventConsumerConfiguration.class)}.
 */
package dev.kafkapatterns.support.delivery;
