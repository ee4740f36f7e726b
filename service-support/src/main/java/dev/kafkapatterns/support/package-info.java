/**
 * What every service of the system shares and Spring Boot does not give on its own: the instance
 * id, the topic names, a Kafka health indicator, a faster reader for JSON timestamps, and (for the
 * consumers) receipts, the one log line per processed event, retries and dead letters.
 */
package dev.kafkapatterns.support;
