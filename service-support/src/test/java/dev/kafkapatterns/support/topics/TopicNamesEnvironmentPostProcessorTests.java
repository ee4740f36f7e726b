package dev.kafkapatterns.support.topics;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TopicNamesEnvironmentPostProcessorTests {

	private final TopicNamesEnvironmentPostProcessor postProcessor = new TopicNamesEnvironmentPostProcessor();

	@Test
	void theDefaultsOfTopicsPropertiesResolveAsPlaceholders() {
		StandardEnvironment environment = new StandardEnvironment();

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.resolveRequiredPlaceholders("${app.topics.events} ${app.topics.receipts} "
				+ "${app.topics.dead-letter}")).isEqualTo("events event-receipts events.DLT");
	}

	@Test
	void aConfiguredNameWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("app.topics.events", "orders")));

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("app.topics.events")).isEqualTo("orders");
		assertThat(environment.getProperty("app.topics.dead-letter")).isEqualTo("events.DLT");
	}

}
