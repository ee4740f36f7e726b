package dev.kafkapatterns.support.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.PropertyWriter;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.json.FastInstantModule.FastInstantDeserializer;
import dev.kafkapatterns.support.json.FastInstantModule.FastInstantSerializer;

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

	@Test
	void writesWhatInstantToStringWritesAtEveryPrecision() {
		Random random = new Random(42);
		for (int n = 0; n < 10_000; n++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
					random.nextInt(1_000_000_000))
				.truncatedTo(List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS)
					.get(n % 4));
			assertThat(FAST.writeValueAsString(instant)).isEqualTo(quoted(instant.toString()));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00.001Z",
			"2026-11-26T04:01:13.000001Z", "2026-11-26T04:01:13.100Z", "-0001-12-31T23:59:59Z", "0000-06-01T00:00:00Z",
			"+10000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z" })
	void writesWhatJacksonWritesAtTheEdges(String text) {
		Instant instant = Instant.parse(text);

		assertThat(FAST.writeValueAsString(instant)).isEqualTo(JACKSON.writeValueAsString(instant))
			.isEqualTo(quoted(text));
	}

	@Test
	void writesTheTimestampOfAReceiptAndOfAnEventWithIt() {
		Instant instant = Instant.parse("2026-11-26T04:01:13.123456Z");
		DeliveryReceipt receipt = new DeliveryReceipt("e-1", "fanout-audit", "fanout-audit", "a-1", 2, 7, instant);

		assertThat(FAST.writeValueAsString(receipt)).contains("\"processedAt\":\"2026-11-26T04:01:13.123456Z\"");
		// Jackson gives each property a serializer of its own (createContextual): still this one.
		assertThat(propertySerializerOf(FAST, DeliveryReceipt.class, "processedAt"))
			.isInstanceOf(FastInstantSerializer.class);
		assertThat(propertySerializerOf(FAST, Event.class, "occurredAt")).isInstanceOf(FastInstantSerializer.class);
	}

	@Test
	void leavesNumericTimestampsAndFormatsToJackson() {
		Instant instant = Instant.parse("2026-11-26T04:01:13.123456Z");
		JsonMapper fastNumbers = FAST.rebuild().enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
		JsonMapper jacksonNumbers = JACKSON.rebuild().enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

		assertThat(fastNumbers.writeValueAsString(instant)).isEqualTo(jacksonNumbers.writeValueAsString(instant))
			.isEqualTo("1795665673.123456000");
		assertThat(FAST.writeValueAsString(new Formatted(instant)))
			.isEqualTo(JACKSON.writeValueAsString(new Formatted(instant)))
			.isEqualTo("{\"at\":\"2026-11-26 04:01\"}");
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
		assertThat(instantSerializerOf(JsonMapper.builder().findAndAddModules().build()))
			.isInstanceOf(FastInstantSerializer.class);
		assertThat(instantSerializerOf(JacksonMapperUtils.enhancedJsonMapper()))
			.isInstanceOf(FastInstantSerializer.class);
		assertThat(instantSerializerOf(JACKSON)).isNotInstanceOf(FastInstantSerializer.class);
	}

	@Test
	void bootsJsonMapperUsesIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> {
				assertThat(instantDeserializerOf(context.getBean(JsonMapper.class)))
					.isInstanceOf(FastInstantDeserializer.class);
				assertThat(instantSerializerOf(context.getBean(JsonMapper.class)))
					.isInstanceOf(FastInstantSerializer.class);
			});
	}

	private static Object propertySerializerOf(JsonMapper mapper, Class<?> type, String name) {
		Iterator<PropertyWriter> properties = mapper._serializationContext().findValueSerializer(type).properties();
		while (properties.hasNext()) {
			if (properties.next() instanceof BeanPropertyWriter property && property.getName().equals(name)) {
				return property.getSerializer();
			}
		}
		throw new AssertionError(type.getSimpleName() + " has no property " + name);
	}

	private static Object instantSerializerOf(JsonMapper mapper) {
		return mapper._serializationContext().findValueSerializer(Instant.class);
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

	record Formatted(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant at) {
	}

}
