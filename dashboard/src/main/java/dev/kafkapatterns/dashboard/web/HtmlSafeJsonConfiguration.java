package dev.kafkapatterns.dashboard.web;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Every JSON answer of the dashboard's API is written {@link HtmlSafeJson HTML-safe}. Declaring
 * the converter replaces Boot's, with Boot's {@link JsonMapper}.
 */
@Configuration(proxyBeanMethods = false)
class HtmlSafeJsonConfiguration {

	@Bean
	JacksonJsonHttpMessageConverter htmlSafeJsonHttpMessageConverter(JsonMapper jsonMapper) {
		return new JacksonJsonHttpMessageConverter(jsonMapper) {

			@Override
			protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
				return HtmlSafeJson.htmlSafe(super.customizeWriter(writer, javaType, contentType));
			}

		};
	}

}
