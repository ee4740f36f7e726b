package dev.kafkapatterns.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event as it travels on the {@code events} topic: the JSON envelope
 * {@code {"id","type","key","payload","occurredAt"}}.
 *
 * <p>The constructor enforces the envelope's invariants, so JSON of the wrong shape fails to
 * deserialize at all. A consumer therefore never sees a half-formed event: such a record is a
 * poison record and goes to the dead-letter topic.
 *
 * @param id the event id, assigned by the producer-service (a UUID)
 * @param type what happened, for example {@code order.placed}
 * @param key the record key; the id when the client gave none
 * @param payload any JSON object; empty when the client gave none
 * @param occurredAt when the producer-service accepted the event
 */
public record Event(String id, String type, String key, Map<String, Object> payload, Instant occurredAt) {

	public Event {
		requireText(id, "id");
		requireText(type, "type");
		requireText(key, "key");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
		// Copy into an unmodifiable map that keeps JSON nulls, which Map.copyOf would reject.
		payload = (payload == null) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

}
