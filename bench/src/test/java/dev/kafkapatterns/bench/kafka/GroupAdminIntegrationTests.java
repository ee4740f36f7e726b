package dev.kafkapatterns.bench.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the drain asks the broker instead of reading the receipts: how many records a topic holds,
 * over all its partitions, and whether it holds as many as expected yet.
 */
@EmbeddedKafka(partitions = 3, topics = GroupAdminIntegrationTests.TOPIC)
class GroupAdminIntegrationTests {

	static final String TOPIC = "event-receipts";

	private KafkaProducer<String, String> producer;

	private GroupAdmin admin;

	@BeforeEach
	void start(EmbeddedKafkaBroker broker) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
				new StringSerializer(), new StringSerializer());
		this.admin = new GroupAdmin(broker.getBrokersAsString());
	}

	@AfterEach
	void stop() {
		this.admin.close();
		this.producer.close();
	}

	@Test
	void countsTheRecordsOfEveryPartitionAndWaitsForMore() throws Exception {
		long before = this.admin.endOffsets(TOPIC);
		send(0, 1, 2, 2);
		assertThat(this.admin.endOffsets(TOPIC)).isEqualTo(before + 4);

		assertThat(this.admin.awaitEndOffsets(TOPIC, before + 6, deadlineIn(Duration.ofMillis(300)))).isFalse();
		send(1, 0);
		assertThat(this.admin.awaitEndOffsets(TOPIC, before + 6, deadlineIn(Duration.ofSeconds(10)))).isTrue();
	}

	private void send(int... partitions) throws Exception {
		for (int partition : partitions) {
			this.producer.send(new ProducerRecord<>(TOPIC, partition, "key", "receipt")).get();
		}
	}

	private static long deadlineIn(Duration duration) {
		return System.nanoTime() + duration.toNanos();
	}

}
