package dev.kafkapatterns.support.demo;

/**
 * Thrown when an event's payload asks this consumer to fail, so that users can watch a retry
 * succeed or an event end in the dead-letter topic.
 */
class SimulatedFailureException extends RuntimeException {

	SimulatedFailureException(String message) {
		super(message, null, false, false);
	}

}
