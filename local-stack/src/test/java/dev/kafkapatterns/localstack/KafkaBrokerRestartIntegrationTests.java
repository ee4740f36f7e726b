package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code stop kafka} / {@code kill kafka} and {@code start kafka} bring the same broker back: same
 * data directory, same ports, same cluster, every acknowledged record still there.
 */
class KafkaBrokerRestartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void aStoppedOrKilledBrokerComesBackWithItsData() throws Exception {
		try (LocalStack stack = LocalStack.create(LocalStackOptions.builder()
			.brokerOnly(true)
			.kafkaPort(0)
			.dataDirectory(this.data)
			.stopTimeout(Duration.ofSeconds(20))
			.output(System.out, false)
			.build())) {
			assertThat(stack.start()).isTrue();
			String bootstrap = stack.bootstrapServers();
			String clusterId = clusterId(bootstrap);
			produce(bootstrap, "before-restart", "a", "b", "c");

			long firstPid = stack.pidOf(LocalStack.KAFKA).getAsLong();
			stack.stop(LocalStack.KAFKA);
			assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(state(stack)).isEqualTo(ServiceState.STOPPED);

			assertThat(stack.start(LocalStack.KAFKA)).isTrue();
			assertThat(stack.pidOf(LocalStack.KAFKA)).isNotEqualTo(OptionalLong.of(firstPid));
			assertThat(stack.bootstrapServers()).isEqualTo(bootstrap);
			assertThat(clusterId(bootstrap)).isEqualTo(clusterId);
			assertThat(consumeAll(bootstrap, "before-restart", 3)).containsExactly("a", "b", "c");

			produce(bootstrap, "before-crash", "d", "e");
			stack.kill(LocalStack.KAFKA);
			assertThat(state(stack)).isEqualTo(ServiceState.KILLED);
			assertThat(stack.status().get(0).exitCode()).hasValue(137);

			assertThat(stack.start(LocalStack.KAFKA)).isTrue();
			assertThat(consumeAll(bootstrap, "before-crash", 2)).containsExactly("d", "e");
			assertThat(consumeAll(bootstrap, "before-restart", 3)).containsExactly("a", "b", "c");
		}
		// A data directory that was given is kept for the next start.
		assertThat(this.data.resolve("meta.properties")).isRegularFile();
	}

	private static ServiceState state(LocalStack stack) {
		return stack.status().get(0).state();
	}

	private static String clusterId(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			return admin.describeCluster().clusterId().get();
		}
	}

	private static void produce(String bootstrap, String topic, String... values) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			for (String value : values) {
				producer.send(new ProducerRecord<>(topic, value)).get();
			}
		}
	}

	private static List<String> consumeAll(String bootstrap, String topic, int count) {
		List<String> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
				ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> received.add(record.value()));
				assertThat(received).hasSize(count);
			});
		}
		return received;
	}

}
