package dev.kafkapatterns.producer.publish;

import java.util.List;

import dev.kafkapatterns.producer.problem.FieldProblem;

/**
 * What an {@code Idempotency-Key} may be: 1 to 255 printable ASCII characters. The check and the
 * API description both read these constants.
 */
public final class IdempotencyKeyFormat {

	/** The header. */
	public static final String HEADER = "Idempotency-Key";

	/** The most characters. */
	public static final int MAX_LENGTH = 255;

	/** Printable ASCII, 0x20 to 0x7E, as a regular expression for the API description. */
	public static final String PATTERN = "^[\\x20-\\x7E]+$";

	private IdempotencyKeyFormat() {
	}

	/**
	 * Adds a problem if the key is malformed. The servlet container reads header bytes as
	 * ISO-8859-1, so each character here stands for one byte sent.
	 * @param idempotencyKey the header value, or {@code null} when absent
	 * @param problems where to add the problem
	 */
	static void check(String idempotencyKey, List<FieldProblem> problems) {
		if (idempotencyKey == null) {
			return;
		}
		String rule = "must be 1 to " + MAX_LENGTH + " printable ASCII characters (0x20 to 0x7E)";
		if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_LENGTH) {
			problems.add(new FieldProblem(HEADER, rule + "; this one has " + idempotencyKey.length()));
			return;
		}
		for (int i = 0; i < idempotencyKey.length(); i++) {
			char c = idempotencyKey.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				problems.add(new FieldProblem(HEADER, rule + "; "
						+ ((c <= 0xFF) ? String.format("byte 0x%02X", (int) c) : String.format("character U+%04X", (int) c))
						+ " at position " + i + " is not printable ASCII"));
				return;
			}
		}
		if (idempotencyKey.isBlank()) {
			problems.add(new FieldProblem(HEADER, rule + ", not only spaces"));
		}
	}

}
