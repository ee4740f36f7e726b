package dev.kafkapatterns.bench.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.DeliveryReceipt;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receipt reader on a real broker: it reads what is published after it started, and while a
 * scenario offers load it reads nothing, then catches up.
 */
@EmbeddedKafka(partitions = 2, topics = ReceiptWatcherIntegrationTests.TOPIC)
class ReceiptWatcherIntegrationTests {

	static final String TOPIC = "event-receipts";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> GROUPS = List.of("fanout-audit", "queue-workers");

	private KafkaProducer<String, byte[]> producer;

	private ReceiptWatcher watcher;

	@BeforeEach
	void start(EmbeddedKafkaBroker broker) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
				new StringSerializer(), new ByteArraySerializer());
		this.watcher = ReceiptWatcher.start(broker.getBrokersAsString(), TOPIC);
	}

	@AfterEach
	void stop() {
		this.watcher.close();
		this.producer.close();
	}

	@Test
	void readsTheReceiptsPublishedAfterItStarted() throws Exception {
		Instant processedAt = Instant.parse("2026-11-27T10:00:00.123456Z");
		publishReceipts("e-1", processedAt);

		assertThat(this.watcher.awaitAll(List.of("e-1"), GROUPS, Duration.ofSeconds(30))).isTrue();
		GroupDeliveries audit = this.watcher.deliveries("fanout-audit", List.of("e-1"));
		assertThat(audit.processed()).isEqualTo(1);
		assertThat(audit.processedAt()).containsEntry("e-1", processedAt);
	}

	@Test
	void readsNothingWhileTheWorkRunsAndCatchesUpAfter() throws Exception {
		this.watcher.readingAfter(() -> {
			publishReceipts("e-2", Instant.now());
			// A reader that reads would have them within its next poll (200 ms at most).
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> this.watcher.deliveries("fanout-audit", List.of("e-2")).processed() == 0);
			return null;
		});

		assertThat(this.watcher.awaitAll(List.of("e-2"), GROUPS, Duration.ofSeconds(30))).isTrue();
		assertThat(this.watcher.deliveries("queue-workers", List.of("e-2")).duplicates()).isZero();
	}

	private void publishReceipts(String eventId, Instant processedAt) {
		for (String group : GROUPS) {
			DeliveryReceipt receipt = new DeliveryReceipt(eventId, group, group, group + "-1", 0, 7, processedAt);
			this.producer.send(new ProducerRecord<>(TOPIC, eventId, JSON.writeValueAsBytes(receipt)));
		}
		this.producer.flush();
	}

}
