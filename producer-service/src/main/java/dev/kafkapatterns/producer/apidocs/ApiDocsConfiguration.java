package dev.kafkapatterns.producer.apidocs;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.kafkapatterns.producer.problem.ProblemType;
import dev.kafkapatterns.producer.publish.PublishProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description's header and the {@link PublishApiContract} that completes what springdoc
 * reads from the code. {@code springdoc.api-docs.enabled=false} and
 * {@code springdoc.swagger-ui.enabled=false} switch both off.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI producerServiceApi() {
		String problemTypes = Arrays.stream(ProblemType.values())
			.map((type) -> "| `" + type.type() + "` | " + type.status().value() + " | " + type.title() + " |")
			.collect(Collectors.joining("\n"));
		return new OpenAPI().info(new Info().title("producer-service").version("1")
			.description("Publishes events to Kafka and answers, once the broker acknowledged them (acks=all), "
					+ "where each one went; tells which consumer groups processed an event.\n\n"
					+ "Every error is `application/problem+json` (RFC 9457) with a stable `type`; branch on it, "
					+ "not on the text:\n\n| type | status | title |\n|---|---|---|\n" + problemTypes));
	}

	@Bean
	OpenApiCustomizer publishApiContract(PublishProperties publish) {
		return new PublishApiContract(publish.maxBatchSize());
	}

}
