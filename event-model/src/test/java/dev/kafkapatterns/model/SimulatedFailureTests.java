package dev.kafkapatterns.model;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedFailureTests {

	@Test
	void failsTheFirstAttemptsForTheNamedRoleOnly() {
		SimulatedFailure failure = SimulatedFailure.requestedBy(event(Map.of("failFor", "Notifications", "failTimes", 2)))
			.orElseThrow();

		assertThat(failure.failsAttempt("notifications", 1)).isTrue();
		assertThat(failure.failsAttempt("notifications", 2)).isTrue();
		assertThat(failure.failsAttempt("notifications", 3)).isFalse();
		assertThat(failure.failsAttempt("audit", 1)).isFalse();
	}

	@Test
	void withoutATimesEveryAttemptFails() {
		SimulatedFailure failure = SimulatedFailure.requestedBy(event(Map.of("failFor", "worker"))).orElseThrow();

		assertThat(failure.failsAttempt("worker", 1_000)).isTrue();
		assertThat(failure.describe(4)).contains("every attempt").contains("attempt 4");
	}

	@Test
	void allFailsEveryRole() {
		SimulatedFailure failure = SimulatedFailure.requestedBy(event(Map.of("failFor", "all", "failTimes", 1)))
			.orElseThrow();

		assertThat(failure.failsAttempt("audit", 1)).isTrue();
		assertThat(failure.failsAttempt("worker", 1)).isTrue();
		assertThat(failure.failsAttempt("worker", 2)).isFalse();
	}

	@Test
	void malformedRequestsAreIgnored() {
		assertThat(SimulatedFailure.requestedBy(event(Map.of("failFor", "audit", "failTimes", "two")))).isEmpty();
		assertThat(SimulatedFailure.requestedBy(event(Map.of("failFor", "audit", "failTimes", 1.5)))).isEmpty();
		assertThat(SimulatedFailure.requestedBy(event(Map.of("failFor", 7)))).isEmpty();
		assertThat(SimulatedFailure.requestedBy(event(Map.of()))).isEmpty();
	}

	private static Event event(Map<String, Object> payload) {
		return new Event("e-1", "demo", "k", payload, Instant.now());
	}

}
