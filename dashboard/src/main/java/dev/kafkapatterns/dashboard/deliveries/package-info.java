/**
 * The live deliveries table: the last events read from Kafka, the receipts of every group that
 * processed them and the dead letters of every group that gave up.
 */
package dev.kafkapatterns.dashboard.deliveries;
