package dev.kafkapatterns.fanout.monitoring;

import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.Event;

import static org.assertj.core.api.Assertions.assertThat;

class EventMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countsPerTypeAndBoundsTheNumberOfTypes() {
		EventMetrics metrics = new EventMetrics(this.registry, 2);
		Instant now = Instant.now();

		assertThat(metrics.record(event("a", now), now)).isEqualTo("a");
		assertThat(metrics.record(event("b", now), now)).isEqualTo("b");
		assertThat(metrics.record(event("c", now), now)).isEqualTo(EventMetrics.OTHER);
		assertThat(metrics.record(event("a", now), now)).isEqualTo("a");

		assertThat(this.registry.get("events.received").tag("type", "a").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("events.received").tag("type", "other").counter().count()).isEqualTo(1);
		assertThat(this.registry.find("events.received").counters()).hasSize(3);
	}

	@Test
	void summaryCountsSinceTheLastOne() {
		EventMetrics metrics = new EventMetrics(this.registry, 10);
		Instant now = Instant.now();
		metrics.record(event("a", now.minusMillis(250)), now);
		metrics.record(event("b", now), now);

		EventMetrics.Summary first = metrics.drainSummary();
		metrics.record(event("a", now), now);
		EventMetrics.Summary second = metrics.drainSummary();

		assertThat(first.count()).isEqualTo(2);
		assertThat(first.byType()).isEqualTo(Map.of("a", 1L, "b", 1L));
		assertThat(first.maxLatencyMillis()).isEqualTo(250);
		assertThat(second.count()).isEqualTo(1);
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.describeTypes()).isEqualTo("a=1");
	}

	private static Event event(String type, Instant occurredAt) {
		return new Event("id-" + type, type, "k", Map.of(), occurredAt);
	}

}
