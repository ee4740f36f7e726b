package dev.kafkapatterns.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dashboard: a web page that shows the two patterns live. It meets the other services only
 * through Kafka (it reads the topics and asks the broker about groups) and through the
 * producer-service's public REST API (to publish from the page).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(DashboardApplication.class, args);
	}

}
