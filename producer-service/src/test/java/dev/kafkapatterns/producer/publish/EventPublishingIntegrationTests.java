package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.kafkapatterns.model.EventHeaders;
import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.EventsTopic;
import dev.kafkapatterns.producer.ProducerServiceTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ProducerServiceTest
class EventPublishingIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	ApiClient api;

	EventsTopic events;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.events = new EventsTopic(this.bootstrapServers, "events");
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void acceptedEventIsExactlyWhereTheAnswerSaysItIs() {
		Answer answer = this.api.postJson("/api/events",
				"{\"type\":\"order.placed\",\"key\":\"customer-42\",\"payload\":{\"amount\":42.5,\"items\":[1,2]}}");

		assertThat(answer.status()).isEqualTo(202);
		JsonNode body = answer.json();
		String id = body.get("id").asString();
		assertThat(answer.location()).isEqualTo("/api/events/" + id);
		assertThat(body.get("topic").asString()).isEqualTo("events");
		assertThat(body.get("timestamp").asString()).isNotBlank();

		ConsumerRecord<String, String> record = this.events.read(body.get("partition").asInt(),
				body.get("offset").asLong());
		assertThat(record.key()).isEqualTo("customer-42");
		assertThat(header(record, EventHeaders.ID)).isEqualTo(id);
		assertThat(header(record, EventHeaders.TYPE)).isEqualTo("order.placed");
		JsonNode envelope = ApiClient.parse(record.value());
		assertThat(envelope.get("id").asString()).isEqualTo(id);
		assertThat(envelope.get("type").asString()).isEqualTo("order.placed");
		assertThat(envelope.get("key").asString()).isEqualTo("customer-42");
		assertThat(envelope.get("payload").get("amount").decimalValue()).isEqualByComparingTo("42.5");
		assertThat(envelope.get("occurredAt").asString()).isNotBlank();
		assertThat(record.headers().lastHeader("__TypeId__")).as("no Java type header for other clients").isNull();
	}

	@Test
	void eventWithoutKeyIsKeyedByItsId() {
		Answer answer = this.api.postJson("/api/events", "{\"type\":\"user.signed-up\"}");

		assertThat(answer.status()).isEqualTo(202);
		JsonNode body = answer.json();
		ConsumerRecord<String, String> record = this.events.read(body.get("partition").asInt(),
				body.get("offset").asLong());
		assertThat(record.key()).isEqualTo(body.get("id").asString());
	}

	@Test
	void batchIsAnsweredWithOneResultPerEventInOrder() {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 20; i++) {
			batch.append((i > 0) ? "," : "").append("{\"type\":\"job.created\",\"key\":\"same-key\",\"payload\":{\"n\":")
				.append(i)
				.append("}}");
		}
		Answer answer = this.api.postJson("/api/events/batch", batch.append(']').toString());

		assertThat(answer.status()).isEqualTo(202);
		List<JsonNode> results = new ArrayList<>();
		answer.json().get("results").forEach(results::add);
		assertThat(results).hasSize(20);
		for (int i = 0; i < results.size(); i++) {
			JsonNode result = results.get(i);
			ConsumerRecord<String, String> record = this.events.read(result.get("partition").asInt(),
					result.get("offset").asLong());
			assertThat(header(record, EventHeaders.ID)).isEqualTo(result.get("id").asString());
			assertThat(record.value()).contains("\"n\":" + i);
			if (i > 0) {
				// One key, one partition, and the order of the request.
				assertThat(result.get("partition").asInt()).isEqualTo(results.get(0).get("partition").asInt());
				assertThat(result.get("offset").asLong()).isGreaterThan(results.get(i - 1).get("offset").asLong());
			}
		}
	}

	@Test
	void idempotencyKeyGivesARetryTheSameEventId() {
		byte[] body = "{\"type\":\"payment.requested\"}".getBytes(StandardCharsets.UTF_8);
		Answer first = this.api.post("/api/events", body, "application/json", "Idempotency-Key", "pay-7781");
		Answer retry = this.api.post("/api/events", body, "application/json", "Idempotency-Key", "pay-7781");
		Answer other = this.api.post("/api/events", body, "application/json", "Idempotency-Key", "pay-7782");

		assertThat(first.status()).isEqualTo(202);
		assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(other.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
	}

	@Test
	void eventTooLargeForTheProducerIsFoundBeforeAnythingIsSent() {
		// The test context allows records of 150000 bytes (max.request.size); the body limit is 256 KiB.
		long before = this.events.size();
		String big = "{\"type\":\"big\",\"payload\":{\"text\":\"" + "x".repeat(200_000) + "\"}}";

		Answer answer = this.api.postJson("/api/events/batch", "[{\"type\":\"small\"}," + big + ",{\"type\":\"small\"}]");

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("type").asString()).endsWith("/problems/event-too-large");
		assertThat(answer.json().get("index").asInt()).isEqualTo(1);
		assertThat(answer.json().get("detail").asString()).contains("Event 1", "max.request.size", "Nothing was published");
		assertThat(this.events.size()).isEqualTo(before);
	}

	@Test
	void rejectedRequestsPublishNothing() {
		long before = this.events.size();

		Answer invalid = this.api.postJson("/api/events", "{\"type\":\"has spaces\"}");
		Answer invalidBatch = this.api.postJson("/api/events/batch", "[{\"type\":\"ok\"},{\"type\":\"\"}]");
		Answer tooLarge = this.api.postJson("/api/events",
				"{\"type\":\"big\",\"payload\":{\"text\":\"" + "x".repeat(300 * 1024) + "\"}}");
		Answer wrongType = this.api.post("/api/events", "{\"type\":\"ok\"}".getBytes(StandardCharsets.UTF_8),
				"text/plain");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalidBatch.status()).isEqualTo(400);
		assertThat(invalidBatch.json().get("errors").get(0).get("field").asString()).isEqualTo("[1].type");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(wrongType.status()).isEqualTo(415);
		assertThat(List.of(invalid, invalidBatch, tooLarge, wrongType))
			.allSatisfy((answer) -> assertThat(answer.contentType()).startsWith("application/problem+json"));
		assertThat(this.events.size()).isEqualTo(before);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
