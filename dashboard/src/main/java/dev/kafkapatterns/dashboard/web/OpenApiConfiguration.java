package dev.kafkapatterns.dashboard.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and description of the dashboard's OpenAPI document ({@code /v3/api-docs}, Swagger UI
 * at {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI dashboardOpenApi() {
		return new OpenAPI().info(new Info().title("Kafka patterns dashboard API")
			.version("1")
			.description("What the dashboard page shows, as JSON and Server-Sent Events: the last events and which "
					+ "groups processed each, every consumer group and share group with its lag, and publishing "
					+ "through the producer-service. Text that came from an event is returned as written to Kafka "
					+ "(JSON-escaped, with <, >, & and quotes as \\u escapes): render it as text."));
	}

}
