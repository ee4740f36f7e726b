package dev.kafkapatterns.dashboard.json;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Every JSON answer of the dashboard's API is written {@link HtmlSafeJson HTML-safe}: Boot's JSON
 * converter is swapped, in its place in the list, for one with the same {@link JsonMapper} and
 * HTML-safe escapes. (A converter bean would be put first, ahead of the String converter.)
 */
@Configuration(proxyBeanMethods = false)
class HtmlSafeJsonConfiguration {

	@Bean
	ServerHttpMessageConvertersCustomizer htmlSafeJsonConverter(JsonMapper jsonMapper) {
		return (builder) -> builder.configureMessageConvertersList((converters) -> converters
			.replaceAll((converter) -> (converter instanceof JacksonJsonHttpMessageConverter)
					? new HtmlSafeJsonHttpMessageConverter(jsonMapper) : converter));
	}

	private static final class HtmlSafeJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

		HtmlSafeJsonHttpMessageConverter(JsonMapper jsonMapper) {
			super(jsonMapper);
		}

		@Override
		protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
			return HtmlSafeJson.htmlSafe(super.customizeWriter(writer, javaType, contentType));
		}

	}

}
