package dev.kafkapatterns.producer.topics;

import java.time.Duration;
import java.util.List;

import dev.kafkapatterns.producer.idempotency.IdempotencyProperties;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics of the system and their settings. {@link TopicProvisioner} creates the missing ones
 * at start-up; Spring's own {@code NewTopic} handling is not used, because it would raise the
 * partition count of an existing topic.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	TopicProvisioner topicProvisioner(KafkaAdmin admin, KafkaProperties kafka, TopicsProperties topics,
			IdempotencyProperties idempotency) {
		List<TopicSpec> specs = List.of(TopicSpec.deleting(topics.events(), topics.retention().events()),
				TopicSpec.deleting(topics.receipts(), topics.retention().receipts()),
				TopicSpec.deleting(topics.deadLetter(), topics.retention().deadLetter()),
				TopicSpec.compacted(topics.idempotency(), idempotency.ttl()));
		Duration timeout = Duration.ofSeconds(admin.getOperationTimeout());
		return new TopicProvisioner(admin.getConfigurationProperties(), specs, topics.partitions(),
				topics.replicationFactor(), timeout, kafka.getAdmin().isFailFast());
	}

}
