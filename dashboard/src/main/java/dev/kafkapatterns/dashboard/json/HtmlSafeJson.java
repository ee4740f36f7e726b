package dev.kafkapatterns.dashboard.json;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes JSON in which {@code <}, {@code >}, {@code &} and the quotes are escaped as
 * {@code \u003c} and so on. The values are unchanged for any JSON reader, but text from an event
 * can never appear as markup in a response, even if a browser were to sniff it as HTML.
 */
@Component
public class HtmlSafeJson {

	private final ObjectWriter writer;

	HtmlSafeJson(JsonMapper jsonMapper) {
		this.writer = htmlSafe(jsonMapper.writer());
	}

	/**
	 * Serializes a value.
	 * @param value the value
	 * @return its JSON, HTML-safe
	 */
	public String write(Object value) {
		return this.writer.writeValueAsString(value);
	}

	static ObjectWriter htmlSafe(ObjectWriter writer) {
		return writer.with(new HtmlEscapes());
	}

	private static final class HtmlEscapes extends CharacterEscapes {

		private final int[] escapes;

		HtmlEscapes() {
			this.escapes = standardAsciiEscapesForJSON();
			for (char c : new char[] { '<', '>', '&', '\'', '"' }) {
				this.escapes[c] = ESCAPE_STANDARD;
			}
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.escapes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return null;
		}

	}

}
