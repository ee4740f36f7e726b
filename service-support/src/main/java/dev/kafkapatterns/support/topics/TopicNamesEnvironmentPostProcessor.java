package dev.kafkapatterns.support.topics;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the topic names usable as {@code ${app.topics.events}} placeholders (in
 * {@code @KafkaListener(topics = …)}) while their defaults stay where they are declared once, in
 * {@link TopicsProperties}: the record is bound here, defaults applied, and its names are added
 * as the lowest-precedence property source. Anything the configuration sets wins.
 */
public class TopicNamesEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		TopicsProperties topics = Binder.get(environment).bindOrCreate("app.topics", TopicsProperties.class);
		environment.getPropertySources()
			.addLast(new MapPropertySource("topicNames", Map.of("app.topics.events", topics.events(),
					"app.topics.receipts", topics.receipts(), "app.topics.dead-letter", topics.deadLetter())));
	}

}
