package dev.kafkapatterns.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A failure requested on purpose by the event's payload, to show retries and dead letters.
 *
 * <p>{@code "payload": {"failFor": "notifications", "failTimes": 2}} makes the notifications
 * consumer fail the first two delivery attempts of that event; the third succeeds. Without
 * {@code failTimes} every attempt fails, so the event ends in the dead-letter topic.
 * {@code failFor} names a consumer role ({@code audit}, {@code notifications},
 * {@code monitoring}, {@code worker}) or {@code all}.
 *
 * @param role the role that should fail, lower case, or {@code all}
 * @param times how many delivery attempts fail; {@link Integer#MAX_VALUE} for every attempt
 */
public record SimulatedFailure(String role, int times) {

	/** The payload field that names the failing role. */
	public static final String FAIL_FOR = "failFor";

	/** The payload field that says how many attempts fail. */
	public static final String FAIL_TIMES = "failTimes";

	/** Every role. */
	public static final String ALL_ROLES = "all";

	/**
	 * Reads the failure an event asks for, if any. A malformed request (a {@code failTimes} that
	 * is not a whole number) is ignored rather than turned into a failure the user did not ask
	 * for.
	 * @param event the event
	 * @return the requested failure, or empty
	 */
	public static Optional<SimulatedFailure> requestedBy(Event event) {
		if (!(event.payload().get(FAIL_FOR) instanceof String role) || role.isBlank()) {
			return Optional.empty();
		}
		Object times = event.payload().get(FAIL_TIMES);
		if (times == null) {
			return Optional.of(new SimulatedFailure(role.toLowerCase(Locale.ROOT), Integer.MAX_VALUE));
		}
		if (times instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return Optional.of(new SimulatedFailure(role.toLowerCase(Locale.ROOT),
					(int) Math.max(0, Math.min(Integer.MAX_VALUE, number.longValue()))));
		}
		return Optional.empty();
	}

	/**
	 * Whether this delivery attempt of the event should fail for the given role.
	 * @param consumerRole the role of the consumer asking
	 * @param deliveryAttempt the delivery attempt, starting at 1
	 * @return {@code true} to fail this attempt
	 */
	public boolean failsAttempt(String consumerRole, int deliveryAttempt) {
		boolean forThisRole = ALL_ROLES.equals(this.role) || this.role.equalsIgnoreCase(consumerRole);
		return forThisRole && deliveryAttempt <= this.times;
	}

	/**
	 * Describes the failure for logs and dead-letter headers.
	 * @param deliveryAttempt the attempt that fails
	 * @return a human-readable reason
	 */
	public String describe(int deliveryAttempt) {
		String of = (this.times == Integer.MAX_VALUE) ? "every attempt" : "attempts 1-" + this.times;
		return "simulated failure requested by payload (failFor=" + this.role + ", " + of + "), attempt "
				+ deliveryAttempt;
	}

}
