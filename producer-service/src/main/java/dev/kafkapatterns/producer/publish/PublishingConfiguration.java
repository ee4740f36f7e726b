package dev.kafkapatterns.producer.publish;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Derives the Kafka producer's timeouts from {@code app.publish.ack-timeout}, which properties
 * alone cannot do. Without this, a send to a dead broker could block for a minute
 * ({@code max.block.ms}) and a record could be delivered two minutes after the client was told
 * 503 ({@code delivery.timeout.ms}).
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	@Bean
	DefaultKafkaProducerFactoryCustomizer publishTimeouts(PublishProperties publish) {
		return (factory) -> {
			long ackTimeout = publish.ackTimeout().toMillis();
			Object configuredLinger = factory.getConfigurationProperties().get(ProducerConfig.LINGER_MS_CONFIG);
			Object linger = (configuredLinger != null) ? configuredLinger
					: ProducerConfig.configDef().defaultValues().get(ProducerConfig.LINGER_MS_CONFIG);
			factory.updateConfigs(Map.of(
					// Waiting for metadata (for example, the broker is down) counts against the bound.
					ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout,
					// The client gives up on a record when the HTTP request does, so a 503 rarely
					// turns into a late delivery.
					ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout,
					// Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
					ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, ackTimeout - Long.parseLong(linger.toString()))));
		};
	}

}
