package dev.kafkapatterns.support.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTests {

	@Test
	void lineBreaksAndControlCharactersCannotForgeALogLine() {
		assertThat(LogText.printable("customer-1\nprocessed service=fake\r\t\u0000\u001b[31m"))
			.isEqualTo("customer-1?processed service=fake????[31m");
	}

	@Test
	void unicodeLineSeparatorsAndFormatCharactersAreReplacedToo() {
		// U+2028/2029 break lines in some viewers; U+202E (a bidi override) and U+200B (zero width
		// space) are format characters (Cf) that make a line read differently from what it says;
		// U+0085 is a C1 control.
		assertThat(LogText.printable("a\u2028b\u2029c\u202Ed\u200Be\u0085f")).isEqualTo("a?b?c?d?e?f");
	}

	@Test
	void ordinaryTextIncludingAccentsAndEmojiIsKept() {
		assertThat(LogText.printable("Zoë 🙂 order.placed")).isEqualTo("Zoë 🙂 order.placed");
	}

	@Test
	void safeTextUpToTheLimitIsReturnedAsItIsAndTheEdgesOfAsciiAreChecked() {
		String id = "2e84cd30-2e2f-4fa2-aca2-48814a6096dc ~!";
		assertThat(LogText.printable(id)).isSameAs(id);
		String longest = "y".repeat(300);
		assertThat(LogText.printable(longest)).isSameAs(longest);
		// DEL (U+007F) and the character below the space are controls, just outside printable ASCII.
		assertThat(LogText.printable("a\u007Fb\u001Fc")).isEqualTo("a?b?c");
		assertThat(LogText.printable("y".repeat(299) + "\n")).isEqualTo("y".repeat(299) + "?");
	}

	@Test
	void longTextIsCutAndNullIsSpelledOut() {
		assertThat(LogText.printable("x".repeat(1000))).hasSize(301).endsWith("x…");
		assertThat(LogText.printable(null)).isEqualTo("null");
	}

}
