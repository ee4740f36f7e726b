/**
 * Compose-style output: every line carries the name of the process that printed it.
 */
package dev.kafkapatterns.localstack.output;
