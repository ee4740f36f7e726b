package dev.kafkapatterns.worker;

import dev.kafkapatterns.support.delivery.EventConsumerConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * A queue worker. Run it as N instances: they all join the consumer group
 * {@code queue-workers}, Kafka splits the partitions among them, and each event is processed by
 * exactly one worker.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(EventConsumerConfiguration.class)
public class QueueWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(QueueWorkerApplication.class, args);
	}

}
