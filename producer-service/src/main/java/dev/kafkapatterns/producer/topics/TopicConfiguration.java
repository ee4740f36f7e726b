package dev.kafkapatterns.producer.topics;

import dev.kafkapatterns.support.topics.TopicsProperties;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics. Spring Boot's {@link KafkaAdmin} creates any that are missing when the
 * service starts and leaves existing ones alone. Consumers never create topics: they set
 * {@code allow.auto.create.topics=false}, and the broker should run with
 * {@code auto.create.topics.enable=false}.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	KafkaAdmin.NewTopics topics(TopicsProperties topics) {
		return new KafkaAdmin.NewTopics(topic(topics.events(), topics), topic(topics.receipts(), topics),
				topic(topics.deadLetter(), topics));
	}

	private static NewTopic topic(String name, TopicsProperties topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
	}

}
