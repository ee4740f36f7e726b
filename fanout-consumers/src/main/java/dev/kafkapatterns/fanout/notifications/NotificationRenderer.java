package dev.kafkapatterns.fanout.notifications;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.kafkapatterns.model.Event;

/**
 * Renders an event as a short message a person would want to read, for example
 * {@code Order placed for customer-42 (amount=42.5, currency=EUR)}.
 */
class NotificationRenderer {

	private static final int MAX_FIELDS = 5;

	private static final int MAX_VALUE_LENGTH = 40;

	String render(Event event) {
		StringBuilder message = new StringBuilder(title(event.type()));
		if (!event.key().equals(event.id())) {
			message.append(" for ").append(event.key());
		}
		if (!event.payload().isEmpty()) {
			message.append(" (").append(summary(event.payload())).append(')');
		}
		return message.toString();
	}

	/** {@code order.placed} becomes {@code Order placed}. */
	private static String title(String type) {
		String words = type.replaceAll("[._-]+", " ").strip();
		if (words.isEmpty()) {
			return type;
		}
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	private static String summary(Map<String, Object> payload) {
		String fields = payload.entrySet()
			.stream()
			.limit(MAX_FIELDS)
			.map((field) -> field.getKey() + "=" + shorten(String.valueOf(field.getValue())))
			.collect(Collectors.joining(", "));
		return (payload.size() > MAX_FIELDS) ? fields + ", …" : fields;
	}

	private static String shorten(String value) {
		return (value.length() > MAX_VALUE_LENGTH) ? value.substring(0, MAX_VALUE_LENGTH) + "…" : value;
	}

}
