/**
 * The share-group worker mode ({@code worker.mode=share}, KIP-932 "queues for Kafka"): workers
 * join the share group {@code queue-workers-share}, the broker lends them records one by one, and
 * so any number of workers can share the topic, past its partition count.
 */
package dev.kafkapatterns.worker.share;
