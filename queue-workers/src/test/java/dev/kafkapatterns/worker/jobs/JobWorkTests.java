package dev.kafkapatterns.worker.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.demo.DemoProperties;

import static org.assertj.core.api.Assertions.assertThat;

class JobWorkTests {

	private final WorkerProperties properties = new WorkerProperties(Duration.ofMillis(100), Duration.ofSeconds(2), 1,
			1000, WorkerMode.GROUP);

	private final JobWork demo = new JobWork(this.properties, new DemoProperties(true, Duration.ofSeconds(60)),
			new SimpleMeterRegistry());

	@Test
	void workComesFromThePayloadBoundedByTheMaximum() {
		assertThat(this.demo.of(job(Map.of("workMs", 250)))).isEqualTo(Duration.ofMillis(250));
		assertThat(this.demo.of(job(Map.of("workMs", 0)))).isZero();
		assertThat(this.demo.of(job(Map.of("workMs", 60_000)))).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void withoutAUsableWorkMsTheDefaultApplies() {
		assertThat(this.demo.of(job(Map.of()))).isEqualTo(Duration.ofMillis(100));
		assertThat(this.demo.of(job(Map.of("workMs", "lots")))).isEqualTo(Duration.ofMillis(100));
		assertThat(this.demo.of(job(Map.of("workMs", -5)))).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void withTheDemoLeversOffWorkMsIsPlainData() {
		JobWork production = new JobWork(this.properties, new DemoProperties(false, Duration.ofSeconds(60)),
				new SimpleMeterRegistry());
		assertThat(production.of(job(Map.of("workMs", 9_000)))).isEqualTo(Duration.ofMillis(100));
		assertThat(production.of(job(Map.of("workMs", 0)))).isEqualTo(Duration.ofMillis(100));
	}

	private static Event job(Map<String, Object> payload) {
		return new Event("j-1", "job", "k", payload, Instant.now());
	}

}
