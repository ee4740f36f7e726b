package dev.kafkapatterns.support.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.json.FastCreatorModule.FastConstructorInstantiator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.support.JacksonMapperUtils;

import static org.assertj.core.api.Assertions.assertThat;

class FastCreatorModuleTests {

	private static final JsonMapper FAST = JsonMapper.builder().addModule(new FastCreatorModule()).build();

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	@Test
	void readsEventsAndReceiptsAsJacksonReadsThem() {
		Event event = new Event("e-1", "order.placed", "customer-7",
				Map.of("amount", 12.5, "items", List.of(1, 2), "nested", Map.of("a", true)),
				Instant.parse("2026-11-26T04:01:13.123456Z"));
		DeliveryReceipt receipt = new DeliveryReceipt("e-1", "fanout-audit", "fanout-consumers", "fanout-1", 3, 42L,
				Instant.parse("2026-11-26T04:01:14Z"));
		assertThat(FAST.readValue(JACKSON.writeValueAsString(event), Event.class)).isEqualTo(event)
			.isEqualTo(JACKSON.readValue(JACKSON.writeValueAsString(event), Event.class));
		assertThat(FAST.readValue(JACKSON.writeValueAsString(receipt), DeliveryReceipt.class)).isEqualTo(receipt);
	}

	@Test
	void bindsEventsAndReceiptsThroughItsInstantiator() {
		assertThat(instantiatorOf(FAST, Event.class)).isInstanceOf(FastConstructorInstantiator.class);
		assertThat(instantiatorOf(FAST, DeliveryReceipt.class)).isInstanceOf(FastConstructorInstantiator.class);
		assertThat(instantiatorOf(FAST, Hidden.class)).as("a record that is not public")
			.isInstanceOf(FastConstructorInstantiator.class);
		assertThat(instantiatorOf(JACKSON, Event.class)).isNotInstanceOf(FastConstructorInstantiator.class);
	}

	@Test
	void leavesStaticFactoriesToJackson() {
		assertThat(instantiatorOf(FAST, Made.class)).isNotInstanceOf(FastConstructorInstantiator.class);
		assertThat(FAST.readValue("{\"name\": \"x\", \"size\": 2}", Made.class)).isEqualTo(new Made("x!", 2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"a\", \"size\": 3, \"when\": \"2026-01-01T00:00:00Z\"}",
			"{\"name\": \"a\"}", "{}", "{\"size\": null}", "{\"name\": null, \"size\": 1}",
			"{\"name\": \"too long for the constructor\", \"size\": 1}", "{\"name\": \"a\", \"size\": -1}",
			"{\"name\": \"a\", \"size\": \"x\"}", "{\"name\": \"a\", \"size\": 1, \"unknown\": 1}" })
	void buildsOrRefusesAsJacksonDoes(String json) {
		for (boolean strict : new boolean[] { false, true }) {
			assertThat(outcome(strictness(FAST, strict), json)).as(json + (strict ? ", strict" : ""))
				.isEqualTo(outcome(strictness(JACKSON, strict), json));
		}
	}

	@Test
	void aConstructorsExceptionReachesTheCallerAsWithJackson() {
		JacksonException failure = (JacksonException) read(FAST, "{\"name\": \"a\", \"size\": -1}");
		assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("size must not be negative");
	}

	@Test
	void everyMapperThatFindsModulesUsesIt() {
		assertThat(instantiatorOf(JsonMapper.builder().findAndAddModules().build(), Event.class))
			.isInstanceOf(FastConstructorInstantiator.class);
		// The mapper of the JSON deserializers Kafka creates from class names.
		assertThat(instantiatorOf(JacksonMapperUtils.enhancedJsonMapper(), DeliveryReceipt.class))
			.isInstanceOf(FastConstructorInstantiator.class);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> assertThat(instantiatorOf(context.getBean(JsonMapper.class), Event.class))
				.isInstanceOf(FastConstructorInstantiator.class));
	}

	/** The value read, or the classes and messages of the refusal and its cause. */
	private static Object outcome(JsonMapper mapper, String json) {
		Object read = read(mapper, json);
		if (read instanceof JacksonException failure) {
			Throwable cause = failure.getCause();
			return failure.getClass().getName() + ": " + failure.getMessage() + " | caused by "
					+ ((cause != null) ? cause.getClass().getName() + ": " + cause.getMessage() : "nothing");
		}
		return read;
	}

	private static Object read(JsonMapper mapper, String json) {
		try {
			return mapper.readValue(json, Sized.class);
		}
		catch (JacksonException ex) {
			return ex;
		}
	}

	private static JsonMapper strictness(JsonMapper mapper, boolean strict) {
		return mapper.rebuild()
			.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, strict)
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
			.build();
	}

	private static ValueInstantiator instantiatorOf(JsonMapper mapper, Class<?> type) {
		return ((BeanDeserializerBase) mapper._deserializationContext()
			.findRootValueDeserializer(mapper.constructType(type))).getValueInstantiator();
	}

	/** With a primitive, an object and a check in its constructor. */
	public record Sized(String name, int size, Instant when) {

		public Sized {
			if (size < 0) {
				throw new IllegalArgumentException("size must not be negative");
			}
			if (name != null && name.length() > 20) {
				throw new IllegalStateException("name too long");
			}
		}

	}

	record Hidden(String name, long size) {
	}

	public record Made(String name, int size) {

		@JsonCreator
		static Made of(@JsonProperty("name") String name, @JsonProperty("size") int size) {
			return new Made(name + "!", size);
		}

	}

}
