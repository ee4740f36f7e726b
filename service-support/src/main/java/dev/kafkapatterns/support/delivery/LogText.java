package dev.kafkapatterns.support.delivery;

/**
 * Makes text from a record safe to log: a key, an id or a payload written by any Kafka client
 * could otherwise carry line breaks and forge log lines, or bidi overrides that make a line read
 * differently from what it says. Every control and format character (Unicode categories Cc and
 * Cf, and the line and paragraph separators) becomes {@code ?}, and long text is cut.
 */
public final class LogText {

	private static final int MAX_LENGTH = 300;

	private LogText() {
	}

	/**
	 * The text, safe for one log line.
	 * @param text any text, or {@code null}
	 * @return the printable text
	 */
	public static String printable(String text) {
		if (text == null) {
			return "null";
		}
		if (text.length() <= MAX_LENGTH && isSafe(text)) {
			// Nearly every key and id: no copy. Each processed event logs several.
			return text;
		}
		StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
		for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			safe.append(isUnsafe(c) ? '?' : c);
		}
		if (text.length() > MAX_LENGTH) {
			safe.append('…');
		}
		return safe.toString();
	}

	private static boolean isSafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// Printable ASCII is never a control or format character; the rest is looked up.
			if ((c < ' ' || c > '~') && isUnsafe(c)) {
				return false;
			}
		}
		return true;
	}

	static boolean isUnsafe(char c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
			default -> false;
		};
	}

}
