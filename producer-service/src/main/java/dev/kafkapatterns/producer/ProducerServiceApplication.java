package dev.kafkapatterns.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The producer-service: a REST API that publishes events to the {@code events} topic and says
 * where each one went.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProducerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProducerServiceApplication.class, args);
	}

}
