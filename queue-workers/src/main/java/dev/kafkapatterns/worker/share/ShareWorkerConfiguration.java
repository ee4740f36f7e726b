package dev.kafkapatterns.worker.share;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.worker.jobs.ConditionalOnWorkerMode;
import dev.kafkapatterns.worker.jobs.WorkerMode;
import dev.kafkapatterns.worker.jobs.WorkerProperties;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.ShareKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultShareConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties.ShareAckMode;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * The share consumer and its container, which Spring Boot does not configure. The share consumer
 * has settings of its own and rejects the consumer-group ones ({@code auto.offset.reset},
 * {@code enable.auto.commit}, {@code group.protocol}, …), so it does not take
 * {@code spring.kafka.consumer.*}: only the bootstrap servers and the client-wide
 * {@code spring.kafka.properties.*}, and what is set here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWorkerMode(WorkerMode.SHARE)
class ShareWorkerConfiguration {

	static final String CONTAINER_FACTORY = "shareKafkaListenerContainerFactory";

	/**
	 * Records a share consumer takes per poll. Their acquisition locks (30 s by default) run from
	 * the poll, and the records of a poll are worked through one after the other, so a poll
	 * takes few: {@code record_limit} makes the broker lend no more than that.
	 */
	private static final int RECORDS_PER_POLL = 10;

	@Bean
	DefaultShareConsumerFactory<String, Event> shareConsumerFactory(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.getProperties());
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RECORDS_PER_POLL);
		config.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		// As in the consumer group: poison records become records without a value, dead-lettered
		// by the listener, instead of exceptions from poll().
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class);
		config.put(JacksonJsonDeserializer.VALUE_DEFAULT_TYPE, Event.class.getName());
		config.put(JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS, false);
		return new DefaultShareConsumerFactory<>(config);
	}

	@Bean(CONTAINER_FACTORY)
	ShareKafkaListenerContainerFactory<String, Event> shareKafkaListenerContainerFactory(
			DefaultShareConsumerFactory<String, Event> consumerFactory, WorkerProperties worker) {
		ShareKafkaListenerContainerFactory<String, Event> factory = new ShareKafkaListenerContainerFactory<>(
				consumerFactory);
		// The listener acknowledges each record itself, once its receipt is in (ShareRecordProcessor).
		factory.getContainerProperties().setShareAckMode(ShareAckMode.MANUAL);
		// Each thread is its own member of the share group: one JVM can stand in for several workers.
		factory.setConcurrency(worker.concurrency());
		return factory;
	}

	@Bean
	ShareGroupOffsetReset shareGroupOffsetReset(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners) {
		return new ShareGroupOffsetReset(admin, listeners);
	}

}
