package dev.kafkapatterns.producer.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.ProducerServiceTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/events/{id}} from receipts published to the broker, as the consumers publish
 * them. (The system tests do the same with the real consumers.)
 */
@ProducerServiceTest
class EventStatusIntegrationTests {

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring",
			"queue-workers");

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void statusListsOneDeliveryPerGroupThatSentAReceipt() throws Exception {
		ApiClient api = new ApiClient(this.port);
		JsonNode published = api.postJson("/api/events", "{\"type\":\"order.placed\",\"key\":\"c-1\"}").json();
		String id = published.get("id").asString();

		assertThat(api.get("/api/events/" + id).json().get("deliveries")).isEmpty();

		try (KafkaProducer<String, DeliveryReceipt> receipts = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new JacksonJsonSerializer<DeliveryReceipt>().noTypeInfo())) {
			for (String group : GROUPS) {
				receipts.send(new ProducerRecord<>("event-receipts", id, new DeliveryReceipt(id, group, group,
						group + "-1", published.get("partition").asInt(), published.get("offset").asLong(),
						Instant.now())))
					.get();
			}
		}

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			Answer status = api.get("/api/events/" + id);
			assertThat(status.status()).isEqualTo(200);
			JsonNode body = status.json();
			assertThat(body.get("id").asString()).isEqualTo(id);
			assertThat(body.get("topic").asString()).isEqualTo("events");
			assertThat(body.get("partition").asInt()).isEqualTo(published.get("partition").asInt());
			assertThat(body.get("offset").asLong()).isEqualTo(published.get("offset").asLong());
			assertThat(body.get("deliveries").valueStream().map((d) -> d.get("group").asString()))
				.containsExactlyInAnyOrderElementsOf(GROUPS);
			assertThat(body.get("deliveries").get(0).get("instance").asString()).endsWith("-1");
			assertThat(body.get("deliveries").get(0).get("processedAt").asString()).isNotBlank();
		});
	}

	@Test
	void receiptThatIsNotJsonIsSkippedAndTheNextOneCounts() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String id = api.postJson("/api/events", "{\"type\":\"order.placed\",\"key\":\"c-2\"}")
			.json()
			.get("id")
			.asString();

		try (KafkaProducer<String, String> receipts = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			// Same key, so the same partition: the good receipt comes after the bad one.
			receipts.send(new ProducerRecord<>("event-receipts", id, "not a receipt")).get();
			receipts.send(new ProducerRecord<>("event-receipts", id, "{\"eventId\":\"" + id
					+ "\",\"group\":\"fanout-audit\",\"service\":\"fanout-audit\",\"instance\":\"fanout-audit-1\","
					+ "\"partition\":0,\"offset\":0,\"processedAt\":\"2026-01-01T00:00:00Z\"}"))
				.get();
		}

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(api.get("/api/events/" + id).json().get("deliveries").valueStream()
				.map((d) -> d.get("group").asString())).containsExactly("fanout-audit"));
	}

	@Test
	void unknownEventIsNotFound() {
		Answer answer = new ApiClient(this.port).get("/api/events/no-such-event");

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("title").asString()).isEqualTo("Event not found");
	}

}
