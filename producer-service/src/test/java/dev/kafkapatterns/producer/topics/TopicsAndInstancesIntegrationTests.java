package dev.kafkapatterns.producer.topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.ProducerServiceApplication;
import dev.kafkapatterns.producer.ProducerServiceTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the producer-service does to the topics at start-up, and what a second instance (or the
 * same one after a restart) knows: the answers to idempotency keys, and the receipts of the last
 * {@code app.tracking.replay}, not older ones.
 */
@ProducerServiceTest
class TopicsAndInstancesIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void topicsHaveExplicitRetentionAndMinInsyncReplicas() throws Exception {
		try (Admin admin = admin()) {
			assertThat(config(admin, "events")).containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()))
				.containsEntry("min.insync.replicas", "1")
				.containsEntry("cleanup.policy", "delete");
			assertThat(config(admin, "event-receipts")).containsEntry("retention.ms",
					Long.toString(Duration.ofDays(1).toMillis()));
			assertThat(config(admin, "events.DLT")).containsEntry("retention.ms",
					Long.toString(Duration.ofDays(14).toMillis()));
			assertThat(config(admin, "idempotency-keys")).containsEntry("cleanup.policy", "compact,delete")
				.containsEntry("retention.ms", Long.toString(Duration.ofHours(24).toMillis()));
		}
	}

	@Test
	void existingTopicWithAnotherPartitionCountStopsStartUpAndKeepsItsCount() throws Exception {
		String topic = "events-" + UUID.randomUUID();
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();

			assertThatThrownBy(() -> start("mismatch", "--app.topics.events=" + topic).close())
				.hasStackTraceContaining("Topic '" + topic + "' has 3 partitions, but app.topics.partitions is 6");

			assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
		}
	}

	@Test
	void anotherInstanceAnswersTheSameKeyAndReadsOnlyRecentReceipts() throws Exception {
		String key = "order-" + UUID.randomUUID();
		byte[] body = "{\"type\":\"payment.requested\"}".getBytes(StandardCharsets.UTF_8);
		Answer first = new ApiClient(this.port).post("/api/events", body, "application/json", "Idempotency-Key", key);
		String old = UUID.randomUUID().toString();
		String recent = UUID.randomUUID().toString();
		sendReceipt(old, Instant.now().minus(Duration.ofHours(2)));
		sendReceipt(recent, Instant.now());

		try (ConfigurableApplicationContext second = start("second-instance")) {
			ApiClient api = new ApiClient(((WebServerApplicationContext) second).getWebServer().getPort());

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(api.get("/api/events/" + recent).status()).isEqualTo(200));
			assertThat(api.get("/api/events/" + old).status()).isEqualTo(404);
			Answer again = api.post("/api/events", body, "application/json", "Idempotency-Key", key);
			assertThat(again.status()).isEqualTo(202);
			assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(again.json()).isEqualTo(first.json());
		}
	}

	private void sendReceipt(String eventId, Instant at) throws Exception {
		try (KafkaProducer<String, DeliveryReceipt> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new JacksonJsonSerializer<DeliveryReceipt>().noTypeInfo())) {
			producer.send(new ProducerRecord<>("event-receipts", null, at.toEpochMilli(), eventId,
					new DeliveryReceipt(eventId, "fanout-audit", "fanout-audit", "fanout-audit-1", 0, 0, at)))
				.get();
		}
	}

	private ConfigurableApplicationContext start(String instance, String... more) {
		String[] args = new String[more.length + 3];
		args[0] = "--server.port=0";
		args[1] = "--spring.kafka.bootstrap-servers=" + this.bootstrapServers;
		args[2] = "--app.instance-id=" + instance;
		System.arraycopy(more, 0, args, 3, more.length);
		return new SpringApplicationBuilder(ProducerServiceApplication.class).run(args);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers));
	}

	private static Map<String, String> config(Admin admin, String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
		return config.entries().stream().collect(Collectors.toMap(ConfigEntry::name, (entry) -> String.valueOf(entry.value())));
	}

}
