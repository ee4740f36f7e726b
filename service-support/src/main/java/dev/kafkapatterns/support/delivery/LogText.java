package dev.kafkapatterns.support.delivery;

/**
 * Makes text from a record safe to log: a key or payload written by any Kafka client could
 * otherwise carry line breaks and forge log lines.
 */
final class LogText {

	private static final int MAX_LENGTH = 300;

	private LogText() {
	}

	static String printable(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
		for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			safe.append(Character.isISOControl(c) ? '?' : c);
		}
		if (text.length() > MAX_LENGTH) {
			safe.append('…');
		}
		return safe.toString();
	}

}
