package dev.kafkapatterns.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PublishEventRequest#meetsConstraints()} against Hibernate Validator on the record's own
 * constraints: the same verdict for every character on its own, for the edges of each length, for
 * the Unicode categories the key refuses (in and beyond the Basic Multilingual Plane, and lone
 * surrogates) and for random strings. A constraint changed on the record without the check, or the
 * other way round, fails here.
 */
class PublishEventRequestTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aUsualEventMeetsTheConstraints() {
		assertThat(new PublishEventRequest("order.placed", "customer-42", null).meetsConstraints()).isTrue();
		assertThat(new PublishEventRequest("job_created-2", null, null).meetsConstraints()).isTrue();
	}

	@Test
	void everyCharacterOfTheBasicPlaneAloneGetsTheValidatorsVerdict() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String text = String.valueOf(c);
			assertSameVerdict(text, "key");
			assertSameVerdict("type", text);
		}
	}

	@Test
	void everyCodePointBeyondTheBasicPlaneGetsTheValidatorsVerdictAsAKey() {
		// One in every 17 of the supplementary code points, and every one of the planes' format
		// characters (U+1BCA0.., U+1D173.., U+E0001..): the categories are the same JDK table.
		IntStream.concat(IntStream.iterate(0x10000, (cp) -> cp <= Character.MAX_CODE_POINT, (cp) -> cp + 17),
				IntStream.of(0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0001, 0xE0020, 0xE007F, 0xF0000, 0x10FFFD))
			.forEach((codePoint) -> assertSameVerdict("type", Character.toString(codePoint)));
	}

	@Test
	void theLengthsAtEachEdgeGetTheValidatorsVerdict() {
		for (int length : new int[] { 0, 1, 2, 99, 100, 101, 255, 256, 257, 300 }) {
			assertSameVerdict("a".repeat(length), "key");
			assertSameVerdict("type", "k".repeat(length));
		}
		// A key is measured in UTF-16 units: 128 emoji are 256 of them, 129 are 258.
		assertSameVerdict("type", "\uD83D\uDE00".repeat(128));
		assertSameVerdict("type", "\uD83D\uDE00".repeat(129));
		assertSameVerdict(null, null);
		assertSameVerdict(null, "key");
	}

	@Test
	void keysWithWhatThePatternRefusesGetTheValidatorsVerdict() {
		List<String> keys = List.of("\u202E", "evil\u202Etxt.exe", "a\u200Db", "\u2028", "\u2029", "\u0085", "\u0007",
				"\t", "line\nbreak", "\u00AD", "\uFEFF", "\uD83D", "\uDE00", "a\uDE00\uD83Db", "\uD83D\uDE00",
				"\uDB40\uDC01", "\uD834\uDD73", "\uE000", "\uFFFF", "ключ", "客户-42", " spaced ");
		keys.forEach((key) -> assertSameVerdict("type", key));
	}

	@Test
	void randomStringsGetTheValidatorsVerdict() {
		SplittableRandom random = new SplittableRandom(932);
		for (int i = 0; i < 20_000; i++) {
			assertSameVerdict(randomText(random, 105), randomText(random, 260));
		}
	}

	/** Mostly valid characters, with now and then one from anywhere, so that both verdicts come up. */
	private static String randomText(SplittableRandom random, int maxLength) {
		int length = random.nextInt(maxLength + 1);
		List<Integer> codePoints = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(400);
			codePoints.add((kind == 0) ? random.nextInt(Character.MAX_CODE_POINT + 1)
					: (kind == 1) ? random.nextInt(0xD800, 0xE000) : (kind < 4) ? random.nextInt(0x10000)
							: "abcXYZ019._-".charAt(random.nextInt(12)));
		}
		StringBuilder text = new StringBuilder();
		codePoints.forEach(text::appendCodePoint);
		return text.toString();
	}

	private static void assertSameVerdict(String type, String key) {
		PublishEventRequest request = new PublishEventRequest(type, key, null);
		assertThat(request.meetsConstraints())
			.as("type %s, key %s", describe(type), describe(key))
			.isEqualTo(validator.validate(request).isEmpty());
	}

	private static String describe(String text) {
		return (text == null) ? "null"
				: text.codePoints().mapToObj((cp) -> String.format("U+%04X", cp)).toList().toString();
	}

}
