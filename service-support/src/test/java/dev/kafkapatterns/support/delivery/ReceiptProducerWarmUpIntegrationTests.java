package dev.kafkapatterns.support.delivery;

import java.time.Clock;
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
 * The receipts producer is made while the application starts, on a real broker, before the
 * listeners start; a start-up waits for a broker that is not there only as long as it was told.
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
	void theProducerIsReadyWhenTheListenersStart(EmbeddedKafkaBroker broker) {
		ReceiptProducerWarmUp warmUp = new ReceiptProducerWarmUp(recorder(broker.getBrokersAsString(), 30_000),
				Duration.ofSeconds(30));

		warmUp.afterPropertiesSet();
		warmUp.start();

		assertThat(this.producersMade).hasSize(1);
		assertThat(warmUp.isRunning()).isTrue();
	}

	@Test
	void theListenersStartAfterTheStartWaitWhenNoBrokerAnswers() {
		// Nothing listens on port 1: the producer would wait max.block.ms for the topic's metadata.
		ReceiptProducerWarmUp warmUp = new ReceiptProducerWarmUp(recorder("localhost:1", 60_000), Duration.ofMillis(500));

		warmUp.afterPropertiesSet();
		assertTimeoutPreemptively(Duration.ofSeconds(10), warmUp::start);

		assertThat(warmUp.isRunning()).isTrue();
		// The producer is made all the same, and goes on waiting for the broker on its own thread.
		await().untilAsserted(() -> assertThat(this.producersMade).hasSize(1));
	}

	private DeliveryRecorder recorder(String bootstrapServers, int maxBlockMs) {
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
		return new DeliveryRecorder(new KafkaTemplate<>(this.producerFactory), "event-receipts", "audit-7",
				Clock.systemUTC());
	}

}
