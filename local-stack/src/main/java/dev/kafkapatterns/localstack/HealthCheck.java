package dev.kafkapatterns.localstack;

/**
 * Asks a running process whether it is healthy.
 */
@FunctionalInterface
interface HealthCheck {

	boolean healthy() throws InterruptedException;

}
