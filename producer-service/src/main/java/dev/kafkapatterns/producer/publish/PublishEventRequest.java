package dev.kafkapatterns.producer.publish;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One event as a client posts it: {@code {"type":"order.placed","key":"customer-42","payload":{...}}}.
 * The server assigns the id and {@code occurredAt}.
 *
 * @param type required, 1 to 100 characters from {@code [A-Za-z0-9._-]}
 * @param key optional, 1 to 256 characters without control or format characters (Unicode categories
 * Cc and Cf, which include the bidirectional overrides), line or paragraph separators, or lone
 * surrogates; the event id when absent
 * @param payload optional, any JSON object
 */
public record PublishEventRequest(
		@NotNull(message = "is required") @Size(min = 1, max = 100, message = "must be 1 to 100 characters long")
		@Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'") String type,
		@Size(min = 1, max = 256, message = "must be 1 to 256 characters long when present")
		@Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]*",
				message = "must not contain control, format (such as bidirectional overrides) or line separator characters") String key,
		Map<String, Object> payload) {
}
