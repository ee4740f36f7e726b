package dev.kafkapatterns.worker.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.Event;

import static org.assertj.core.api.Assertions.assertThat;

class JobWorkTests {

	private final WorkerProperties properties = new WorkerProperties(Duration.ofMillis(100), Duration.ofSeconds(2), 1,
			1000);

	@Test
	void workComesFromThePayloadBoundedByTheMaximum() {
		assertThat(JobWork.of(job(Map.of("workMs", 250)), this.properties)).isEqualTo(Duration.ofMillis(250));
		assertThat(JobWork.of(job(Map.of("workMs", 0)), this.properties)).isZero();
		assertThat(JobWork.of(job(Map.of("workMs", 60_000)), this.properties)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void withoutAUsableWorkMsTheDefaultApplies() {
		assertThat(JobWork.of(job(Map.of()), this.properties)).isEqualTo(Duration.ofMillis(100));
		assertThat(JobWork.of(job(Map.of("workMs", "lots")), this.properties)).isEqualTo(Duration.ofMillis(100));
		assertThat(JobWork.of(job(Map.of("workMs", -5)), this.properties)).isEqualTo(Duration.ofMillis(100));
	}

	private static Event job(Map<String, Object> payload) {
		return new Event("j-1", "job", "k", payload, Instant.now());
	}

}
