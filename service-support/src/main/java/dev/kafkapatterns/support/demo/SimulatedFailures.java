package dev.kafkapatterns.support.demo;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.SimulatedFailure;

/**
 * Fails an event on purpose when its payload asks for it ({@code failFor}, {@code failTimes})
 * and the demo's levers are on ({@code app.demo.enabled}). With the levers off, those payload
 * fields are plain data.
 */
public class SimulatedFailures {

	private final boolean enabled;

	public SimulatedFailures(DemoProperties demo) {
		this.enabled = demo.enabled();
	}

	/**
	 * Throws if the event's payload asks this consumer's role to fail this delivery attempt.
	 * @param role the role of the consumer, as {@code failFor} names it
	 * @param event the event
	 * @param deliveryAttempt the delivery attempt, starting at 1
	 * @throws SimulatedFailureException when the payload asks for a failure
	 */
	public void failIfRequested(String role, Event event, int deliveryAttempt) {
		if (!this.enabled) {
			return;
		}
		SimulatedFailure.requestedBy(event)
			.filter((failure) -> failure.failsAttempt(role, deliveryAttempt))
			.ifPresent((failure) -> {
				throw new SimulatedFailureException(failure.describe(deliveryAttempt));
			});
	}

}
