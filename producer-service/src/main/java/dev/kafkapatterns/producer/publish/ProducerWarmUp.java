package dev.kafkapatterns.producer.publish;

import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the events producer at start-up and has it connect and fetch the topic's metadata, so
 * that the first request does not pay for it. On a busy machine that first connection took longer
 * than {@code app.publish.ack-timeout}, and a user's first {@code curl} got a 503. A broker that
 * does not answer here is no reason to stop: the health check and the requests say so.
 */
@Component
class ProducerWarmUp implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ProducerWarmUp.class);

	private final KafkaTemplate<String, byte[]> template;

	private final String topic;

	ProducerWarmUp(KafkaTemplate<String, byte[]> template, TopicsProperties topics) {
		this.template = template;
		this.topic = topics.events();
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.template.partitionsFor(this.topic);
		}
		catch (KafkaException ex) {
			logger.warn("The producer could not reach the broker at start-up: {}", ex.getMessage());
		}
	}

}
