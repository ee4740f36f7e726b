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

	/**
	 * Whether this request meets every constraint above, checked without bean validation: a
	 * request that does is published as it is, one that does not is validated with the constraints,
	 * which say what is wrong. On the services' C1 code, Hibernate Validator took about a quarter
	 * of the CPU a batch of 100 spends in the controller, half of it in the two regular
	 * expressions; this check takes a loop over the characters (README "How fast").
	 * {@code PublishEventRequestTests} holds it to the constraints' verdict, so it can never let
	 * through what they refuse.
	 * @return {@code true} only if bean validation would find no violation
	 */
	boolean meetsConstraints() {
		return this.type != null && this.type.length() >= 1 && this.type.length() <= 100 && isEventType(this.type)
				&& (this.key == null || (this.key.length() >= 1 && this.key.length() <= 256 && isPrintable(this.key)));
	}

	private static boolean isEventType(String type) {
		for (int i = 0; i < type.length(); i++) {
			char c = type.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
					|| c == '-')) {
				return false;
			}
		}
		return true;
	}

	/** No code point of the categories the key's pattern refuses, as {@code java.util.regex} reads them. */
	private static boolean isPrintable(String key) {
		for (int i = 0; i < key.length();) {
			int codePoint = key.codePointAt(i);
			switch (Character.getType(codePoint)) {
				case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
						Character.SURROGATE -> {
					return false;
				}
				default -> i += Character.charCount(codePoint);
			}
		}
		return true;
	}

}
