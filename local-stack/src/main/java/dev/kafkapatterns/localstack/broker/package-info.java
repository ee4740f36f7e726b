/**
 * The Kafka broker: its configuration, its storage and the command that runs it.
 */
package dev.kafkapatterns.localstack.broker;
