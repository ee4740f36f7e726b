package dev.kafkapatterns.support.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The receipts producer is made while the application starts, on a real broker, and a start-up
 * never waits for a broker that is not there.
 */
@EmbeddedKafka(partitions = 3, topics = "event-receipts", brokerProperties = "auto.create.topics.enable=false")
class ReceiptProducerWarmUpIntegrationTests {

	private final List<String> producersMade = new CopyOnWriteArrayList<>();

	private DefaultKafkaProducerFactory<Object, Object> producerFactory;

	@AfterEach
	void closeProducer() {
		this.producerFactory.destroy();
	}

	@Test
	void theProducerIsMadeAtStartBeforeAnyReceipt(EmbeddedKafkaBroker broker) {
		ReceiptProducerWarmUp warmUp = new ReceiptProducerWarmUp(template(broker.getBrokersAsString(), 30_000),
				"event-receipts");

		warmUp.start();

		await().untilAsserted(() -> assertThat(this.producersMade).hasSize(1));
		assertThat(warmUp.isRunning()).isTrue();
	}

	@Test
	void startReturnsAtOnceWhenNoBrokerAnswers() {
		// Nothing listens on port 1: the producer would wait max.block.ms for the topic's metadata.
		ReceiptProducerWarmUp warmUp = new ReceiptProducerWarmUp(template("localhost:1", 60_000), "event-receipts");

		assertTimeoutPreemptively(Duration.ofSeconds(10), warmUp::start);
		// The producer is made all the same, and waits on its own thread.
		await().untilAsserted(() -> assertThat(this.producersMade).hasSize(1));
		warmUp.stop();

		assertThat(warmUp.isRunning()).isFalse();
	}

	private KafkaTemplate<Object, Object> template(String bootstrapServers, int maxBlockMs) {
		this.producerFactory = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		this.producerFactory.addListener(new ProducerFactory.Listener<>() {
			@Override
			public void producerAdded(String id, Producer<Object, Object> producer) {
				ReceiptProducerWarmUpIntegrationTests.this.producersMade.add(id);
			}
		});
		return new KafkaTemplate<>(this.producerFactory);
	}

}
