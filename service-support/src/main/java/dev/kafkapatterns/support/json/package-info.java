/**
 * JSON settings every mapper in a service shares, including the ones Kafka creates from class
 * names: a faster reader for timestamps.
 */
package dev.kafkapatterns.support.json;
