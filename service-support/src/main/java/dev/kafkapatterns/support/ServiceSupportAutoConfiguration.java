package dev.kafkapatterns.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.kafkapatterns.support.demo.DemoProperties;
import dev.kafkapatterns.support.health.KafkaHealthIndicator;
import dev.kafkapatterns.support.health.KafkaHealthProperties;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Applies to every service: binds {@link TopicsProperties}, {@link DemoProperties} and
 * {@link KafkaHealthProperties}, and adds the {@code kafka} health indicator.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ TopicsProperties.class, DemoProperties.class, KafkaHealthProperties.class })
public class ServiceSupportAutoConfiguration {

	@Bean
	@ConditionalOnEnabledHealthIndicator("kafka")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties health) {
		Duration timeout = health.timeout();
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "app")
				+ "-health");
		// Fail fast: a health check must answer within its timeout, not after the default minute.
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		return new KafkaHealthIndicator(config, timeout);
	}

}
