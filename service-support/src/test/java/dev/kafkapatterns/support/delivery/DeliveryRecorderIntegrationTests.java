package dev.kafkapatterns.support.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The receipt a consumer sends for a processed event, on a real broker: what it says, and that a
 * receipt the producer refuses at once is a failed future, not an exception in the listener.
 */
@EmbeddedKafka(partitions = 1, topics = "event-receipts", brokerProperties = "auto.create.topics.enable=false")
class DeliveryRecorderIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

	private DefaultKafkaProducerFactory<Object, Object> producerFactory;

	@AfterEach
	void closeProducer() {
		if (this.producerFactory != null) {
			this.producerFactory.destroy();
		}
	}

	@Test
	void theReceiptNamesTheEventTheGroupTheInstanceAndWhereTheEventWasRead(EmbeddedKafkaBroker broker) throws Exception {
		DeliveryRecorder recorder = recorder(broker, "event-receipts", 30_000);
		Event event = new Event("e-1", "order.placed", "customer-42", Map.of(), NOW);
		ConsumerRecord<String, Event> record = new ConsumerRecord<>("events", 4, 17L, "customer-42", event);

		recorder.processed(new ConsumerIdentity("fanout-audit", "audit", "event"), "fanout-audit", record, "appended")
			.get(10, TimeUnit.SECONDS);

		try (ReceiptLog receipts = new ReceiptLog(broker.getBrokersAsString(), "event-receipts")) {
			await().untilAsserted(() -> assertThat(receipts.all()).containsExactly(
					new DeliveryReceipt("e-1", "fanout-audit", "fanout-audit", "audit-7", 4, 17L, NOW)));
		}
	}

	@Test
	void aReceiptTheProducerRefusesAtOnceIsAFailedFuture(EmbeddedKafkaBroker broker) {
		// The topic never appears, so the producer gives up waiting for its metadata after max.block.ms.
		DeliveryRecorder recorder = recorder(broker, "no-such-topic", 500);
		Event event = new Event("e-2", "order.placed", "customer-42", Map.of(), NOW);

		CompletableFuture<?> sent = recorder.processed(new ConsumerIdentity("queue-worker", "worker", "job"),
				"queue-workers", new ConsumerRecord<>("events", 0, 1L, "customer-42", event), "job done");

		assertThat(sent).isCompletedExceptionally();
		assertThatExceptionOfType(Exception.class).isThrownBy(sent::join)
			.withStackTraceContaining("no-such-topic not present in metadata");
	}

	private DeliveryRecorder recorder(EmbeddedKafkaBroker broker, String topic, int maxBlockMs) {
		this.producerFactory = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString(), ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class,
				JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false));
		return new DeliveryRecorder(new KafkaTemplate<>(this.producerFactory), topic, "audit-7",
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
