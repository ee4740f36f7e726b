package dev.kafkapatterns.fanout;

import dev.kafkapatterns.support.delivery.EventConsumerConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The fanout consumers: audit, notifications and monitoring. Each role reads the events topic
 * in its own consumer group, so each receives every event. {@code fanout.role} picks the roles
 * this process runs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(EventConsumerConfiguration.class)
public class FanoutConsumersApplication {

	public static void main(String[] args) {
		SpringApplication.run(FanoutConsumersApplication.class, args);
	}

}
