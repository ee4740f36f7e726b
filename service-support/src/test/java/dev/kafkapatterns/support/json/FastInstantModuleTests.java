package dev.kafkapatterns.support.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.support.json.FastInstantModule.FastInstantDeserializer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.support.JacksonMapperUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FastInstantModuleTests {

	private static final JsonMapper FAST = JsonMapper.builder().addModule(new FastInstantModule()).build();

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	@Test
	void readsWhatInstantToStringWritesAtEveryPrecision() {
		Random random = new Random(42);
		for (int n = 0; n < 10_000; n++) {
			Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000))
				.truncatedTo(List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS)
					.get(n % 4));
			assertThat(FAST.readValue(quoted(instant.toString()), Instant.class)).isEqualTo(instant);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-26T04:01:13Z", "2026-11-26T04:01:13.1Z", "2026-11-26T04:01:13.Z", "2026-11-26T04:01:13+02:00",
			"2026-11-26T04:01:13.000000000Z", "1969-12-31T23:59:59.999999999Z", "2016-12-31T23:59:60Z",
			"2026-11-26T24:00:00Z", "2026-11-26t04:01:13z", " 2026-11-26T04:01:13Z ", "+12026-11-26T04:01:13Z",
			"\"1764129673\"" })
	void acceptsWhatJacksonAcceptsAndReadsItTheSame(String text) {
		String json = text.startsWith("\"") ? text : quoted(text);
		assertThat(FAST.readValue(json, Instant.class)).isEqualTo(JACKSON.readValue(json, Instant.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-26T04:01Z", "2026-02-30T04:01:13Z", "2026-11-26T04:01:13.1234567891Z",
			"2026-11-26 04:01:13Z", "2026-11-26T04:01:13", "2026-11-26TZZ:01:13Z",
			"not a time at all Z" })
	void refusesWhatJacksonRefusesWithTheSameMessage(String text) {
		JacksonException jackson = readFailure(JACKSON, text);
		assertThat(jackson).as("Jackson refuses %s", text).isNotNull();
		assertThat(readFailure(FAST, text)).isNotNull()
			.hasMessage(jackson.getMessage())
			.isExactlyInstanceOf(jackson.getClass());
	}

	@Test
	void readsTheTimestampOfAReceipt() {
		String json = """
				{"eventId":"e-1","group":"fanout-audit","service":"fanout-audit","instance":"a-1","partition":2,
				 "offset":7,"processedAt":"2026-11-26T04:01:13.123456Z"}""";

		assertThat(FAST.readValue(json, DeliveryReceipt.class).processedAt())
			.isEqualTo(Instant.parse("2026-11-26T04:01:13.123456Z"));
	}

	@Test
	void everyMapperThatFindsModulesUsesIt() {
		assertThat(instantDeserializerOf(JsonMapper.builder().findAndAddModules().build()))
			.isInstanceOf(FastInstantDeserializer.class);
		// The mapper of the JSON (de)serializers Kafka creates from class names.
		assertThat(instantDeserializerOf(JacksonMapperUtils.enhancedJsonMapper()))
			.isInstanceOf(FastInstantDeserializer.class);
		assertThat(instantDeserializerOf(JACKSON)).isNotInstanceOf(FastInstantDeserializer.class);
	}

	@Test
	void bootsJsonMapperUsesIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> assertThat(instantDeserializerOf(context.getBean(JsonMapper.class)))
				.isInstanceOf(FastInstantDeserializer.class));
	}

	private static Object instantDeserializerOf(JsonMapper mapper) {
		return mapper._deserializationContext().findRootValueDeserializer(mapper.constructType(Instant.class));
	}

	private static JacksonException readFailure(JsonMapper mapper, String text) {
		try {
			mapper.readValue(quoted(text), Instant.class);
			return null;
		}
		catch (JacksonException ex) {
			return ex;
		}
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

}
