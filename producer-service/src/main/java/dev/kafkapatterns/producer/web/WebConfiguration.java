package dev.kafkapatterns.producer.web;

import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.producer.publish.PublishProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the body size limit on the API paths, ahead of every other filter.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PublishProperties publish, JsonMapper json) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(publish.maxBodySize().toBytes(), json));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
