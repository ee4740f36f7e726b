package dev.kafkapatterns.support.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.ethlo.time.ITU;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the timestamps of events and receipts ({@code occurredAt}, {@code processedAt}) about ten
 * times faster than Jackson's own {@code Instant} deserializer, which goes through
 * {@code DateTimeFormatter.ISO_INSTANT}: profiles of a drain showed that parsing a fifth of the
 * producer-service's CPU (it reads four receipts per event) and a twentieth of each consumer's.
 *
 * <p>Only the form the system itself writes, {@code 2026-11-26T04:01:13.123456Z}, takes the fast
 * path ({@code ITU}, an RFC 3339 parser). Anything else, and anything it refuses, goes to Jackson's
 * deserializer unchanged, so every accepted value, every error message and every
 * {@code @JsonFormat} stays what it was.
 *
 * <p>Registered in {@code META-INF/services}: Boot's {@code JsonMapper} (through
 * {@code spring.jackson.find-and-add-modules}) and the JSON (de)serializers that Kafka creates from
 * class names (spring-kafka's mapper finds modules the same way) both pick it up.
 */
public final class FastInstantModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	/** The module, as the service loader creates it. */
	public FastInstantModule() {
		super(FastInstantModule.class.getSimpleName());
		addDeserializer(Instant.class, new FastInstantDeserializer());
	}

	static final class FastInstantDeserializer extends InstantDeserializer<Instant> {

		private static final long serialVersionUID = 1L;

		FastInstantDeserializer() {
			super(InstantDeserializer.INSTANT, DateTimeFormatter.ISO_INSTANT);
		}

		@Override
		protected Instant _fromString(JsonParser parser, DeserializationContext context, String text) {
			if (isUtcDateTime(text)) {
				try {
					return ITU.parseDateTime(text).toInstant();
				}
				catch (DateTimeException ex) {
					// Jackson's own parser decides, and words the error if there is one.
				}
			}
			return super._fromString(parser, context, text);
		}

		/** The shape of {@code Instant.toString()}: a four-digit year, a 'T' and a 'Z' at the end. */
		private static boolean isUtcDateTime(String text) {
			return text.length() >= 20 && text.charAt(10) == 'T' && text.charAt(text.length() - 1) == 'Z';
		}

	}

}
