package dev.kafkapatterns.dashboard.deliveries;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.dashboard.DashboardTest;
import dev.kafkapatterns.dashboard.Http;
import dev.kafkapatterns.dashboard.KafkaRecords;
import dev.kafkapatterns.model.Event;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events, receipts and dead letters written to Kafka show up in {@code GET /api/deliveries}, and
 * text from an event never comes back as markup.
 */
@DashboardTest
class DeliveriesIntegrationTests {

	static final String SCRIPT = "<script>window.__xss=1</script>";

	static final String IMAGE = "<img src=x onerror=\"window.__xss=1\">";

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void rowShowsEveryGroupsDeliveryAndDeadLetter() {
		Event event;
		try (KafkaRecords kafka = new KafkaRecords(this.bootstrapServers)) {
			event = kafka.event("order.placed", "customer-1", Map.of("orderId", "o-1"));
			kafka.receipt(event, "fanout-audit", "fanout-audit");
			kafka.receipt(event, "queue-workers", "queue-worker-2");
			kafka.receipt(event, "queue-workers", "queue-worker-2");
			kafka.deadLetter(event, "fanout-notifications", "simulated failure, attempt 4");
			kafka.flush();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode row = row(event.id());
			assertThat(row.get("type").asString()).isEqualTo("order.placed");
			assertThat(row.get("key").asString()).isEqualTo("customer-1");
			assertThat(row.get("payload").asString()).isEqualTo("{\"orderId\":\"o-1\"}");
			assertThat(row.get("deliveries").valueStream().map((d) -> d.get("group").asString() + "/"
					+ d.get("instance").asString() + "/" + d.get("receipts").asInt()))
				.containsExactly("fanout-audit/fanout-audit/1", "queue-workers/queue-worker-2/2");
			assertThat(row.get("deadLetters").get(0).get("group").asString()).isEqualTo("fanout-notifications");
			assertThat(row.get("deadLetters").get(0).get("reason").asString()).isEqualTo("simulated failure, attempt 4");
		});
	}

	@Test
	void textFromAnEventIsEscapedSoItCanNeverBeMarkup() {
		Event event;
		try (KafkaRecords kafka = new KafkaRecords(this.bootstrapServers)) {
			event = kafka.event("xss" + SCRIPT, "key" + IMAGE, Map.of("note", SCRIPT + IMAGE));
			kafka.receipt(event, "fanout-audit" + SCRIPT, "instance" + IMAGE);
			kafka.deadLetter(event, "queue-workers", "reason " + IMAGE);
			kafka.flush();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> answer = get("/api/deliveries");
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			// Not one angle bracket in the bytes: every < and > is a \\u003C escape ...
			assertThat(answer.body()).doesNotContain("<", ">").contains(event.id());
			// ... and a JSON reader gets the text back exactly as the event carried it.
			JsonNode row = row(event.id());
			assertThat(row.get("type").asString()).isEqualTo("xss" + SCRIPT);
			assertThat(row.get("key").asString()).isEqualTo("key" + IMAGE);
			assertThat(this.json.readTree(row.get("payload").asString()).get("note").asString()).isEqualTo(SCRIPT + IMAGE);
			assertThat(row.get("deliveries").get(0).get("group").asString()).isEqualTo("fanout-audit" + SCRIPT);
			assertThat(row.get("deliveries").get(0).get("instance").asString()).isEqualTo("instance" + IMAGE);
			assertThat(row.get("deadLetters").get(0).get("reason").asString()).isEqualTo("reason " + IMAGE);
		});
	}

	private JsonNode row(String id) {
		JsonNode rows = this.json.readTree(get("/api/deliveries").body()).get("rows");
		return rows.valueStream()
			.filter((row) -> row.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + id));
	}

	private HttpResponse<String> get(String path) {
		return Http.get(this.port, path);
	}

}
