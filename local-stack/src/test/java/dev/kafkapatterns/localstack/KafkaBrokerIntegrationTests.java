package dev.kafkapatterns.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker the launcher starts is a real, complete Kafka, with the single-node settings it was
 * given: the KIP-848 consumer protocol that every service uses, the classic protocol the README
 * promises to older clients, and the share groups that the workers' share mode joins.
 */
class KafkaBrokerIntegrationTests {

	private static LocalStack stack;

	@BeforeAll
	static void startBroker() throws InterruptedException {
		stack = LocalStack.create(
				LocalStackOptions.builder().brokerOnly(true).kafkaPort(0).output(System.out, false).build());
		assertThat(stack.start()).isTrue();
	}

	@AfterAll
	static void stopBroker() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void classicGroupsWorkAsTheReadmePromisesForClientsOnTheOlderProtocol() throws Exception {
		List<String> sent = produceToNewTopic("classic");

		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig("classic-group", "classic"))) {
			consumer.subscribe(List.of("classic"));

			assertThat(pollUntil(consumer, sent.size())).containsExactlyElementsOf(sent);
		}
		assertThat(groupType("classic-group")).isEqualTo(GroupType.CLASSIC);
	}

	@Test
	void consumerProtocolGroupsWorkAsEveryServiceUsesThem() throws Exception {
		List<String> sent = produceToNewTopic("next-generation");

		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				consumerConfig("next-generation-group", "consumer"))) {
			consumer.subscribe(List.of("next-generation"));

			assertThat(pollUntil(consumer, sent.size())).containsExactlyElementsOf(sent);
		}
		assertThat(groupType("next-generation-group")).isEqualTo(GroupType.CONSUMER);
	}

	@Test
	void shareGroupsWorkAsTheShareGroupWorkerModeNeeds() throws Exception {
		String group = "share-group";
		try (Admin admin = admin()) {
			// A share group starts at the latest offset unless told otherwise, and records produced
			// before its first member joined would be skipped.
			ConfigResource groupConfig = new ConfigResource(ConfigResource.Type.GROUP, group);
			admin
				.incrementalAlterConfigs(Map.of(groupConfig,
						List.of(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"),
								AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
		List<String> sent = produceToNewTopic("shared");

		List<String> received = new ArrayList<>();
		try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(shareConsumerConfig(group))) {
			consumer.subscribe(List.of("shared"));
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> received.add(record.value()));
				assertThat(received).hasSameSizeAs(sent);
			});
			consumer.commitSync();
		}
		assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
		assertThat(groupType(group)).isEqualTo(GroupType.SHARE);
	}

	@Test
	void theBrokerRunsWithTheSingleNodeSettingsAndQuickGroupTimings() throws Exception {
		try (Admin admin = admin()) {
			ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
			Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);

			assertThat(config.get("group.consumer.heartbeat.interval.ms").value()).isEqualTo("1000");
			assertThat(config.get("group.consumer.session.timeout.ms").value()).isEqualTo("10000");
			assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
			assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
			assertThat(admin.describeCluster().nodes().get()).hasSize(1);
		}
	}

	private static List<String> produceToNewTopic(String topic) throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
		List<String> values = IntStream.range(0, 10).mapToObj((i) -> topic + "-" + i + "-" + UUID.randomUUID()).toList();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
			for (String value : values) {
				// One key, one partition: the order is kept, so the test can compare lists.
				producer.send(new ProducerRecord<>(topic, "same-key", value)).get();
			}
		}
		return values;
	}

	private static List<String> pollUntil(KafkaConsumer<String, String> consumer, int count) {
		List<String> received = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			consumer.poll(Duration.ofMillis(500)).forEach((record) -> received.add(record.value()));
			assertThat(received).hasSize(count);
		});
		return received;
	}

	private static GroupType groupType(String group) throws Exception {
		try (Admin admin = admin()) {
			return admin.listGroups()
				.all()
				.get()
				.stream()
				.filter((listing) -> listing.groupId().equals(group))
				.findFirst()
				.orElseThrow()
				.type()
				.orElseThrow();
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
	}

	private static Properties producerConfig() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return config;
	}

	private static Properties consumerConfig(String group, String protocol) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return config;
	}

	private static Properties shareConsumerConfig(String group) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return config;
	}

}
