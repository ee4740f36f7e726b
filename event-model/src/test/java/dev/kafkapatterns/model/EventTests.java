package dev.kafkapatterns.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void envelopeRoundTripsThroughJson() {
		Map<String, Object> payload = new HashMap<>();
		payload.put("amount", 42);
		payload.put("note", null);
		Event event = new Event("e-1", "order.placed", "customer-42", payload, Instant.parse("2026-01-02T03:04:05Z"));

		String text = this.json.writeValueAsString(event);
		Event read = this.json.readValue(text, Event.class);

		assertThat(text).contains("\"occurredAt\":\"2026-01-02T03:04:05Z\"");
		assertThat(read).isEqualTo(event);
		assertThat(read.payload()).containsEntry("note", null);
	}

	@Test
	void missingPayloadBecomesEmptyObject() {
		Event event = new Event("e-1", "t", "k", null, Instant.now());

		assertThat(event.payload()).isEmpty();
	}

	@Test
	void jsonOfTheWrongShapeDoesNotDeserialize() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> this.json.readValue("{\"hello\":\"world\"}", Event.class))
			.withMessageContaining("id is required");
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> this.json.readValue("[1,2,3]", Event.class));
	}

	@Test
	void payloadCannotBeChangedAfterConstruction() {
		Map<String, Object> payload = new HashMap<>(Map.of("a", 1));
		Event event = new Event("e-1", "t", "k", payload, Instant.now());
		payload.put("b", 2);

		assertThat(event.payload()).containsOnlyKeys("a");
	}

}
