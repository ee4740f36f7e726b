package dev.kafkapatterns.dashboard.stream;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.dashboard.DashboardTest;
import dev.kafkapatterns.dashboard.KafkaRecords;
import dev.kafkapatterns.dashboard.SseClient;
import dev.kafkapatterns.model.Event;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/stream}: what a page gets first, how changes are coalesced, and what happens
 * to a client that stops reading or one too many.
 */
@DashboardTest
class StreamIntegrationTests {

	private static final Duration INTERVAL = Duration.ofMillis(500);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	StreamClients clients;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void noStreamsLeftFromOtherTests() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.clients.size() == 0);
	}

	@Test
	void aNewStreamStartsWithEverythingAndThenGetsOnlyChanges() {
		Event before = publish("before.stream", 1).get(0);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.json.readTree(dev.kafkapatterns.dashboard.Http.get(this.port, "/api/deliveries").body())
				.get("rows").toString().contains(before.id()));

		try (SseClient stream = new SseClient(this.port)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.messages("groups").size() >= 1);
			assertThat(stream.messages().subList(0, 4)).extracting(SseClient.Message::name)
				.containsExactly("hello", "deliveries", "history", "groups");
			JsonNode first = this.json.readTree(stream.messages("deliveries").get(0).data());
			assertThat(first.get("reset").asBoolean()).isTrue();
			assertThat(first.get("rows").toString()).contains(before.id());

			Event after = publish("after.stream", 1).get(0);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				List<SseClient.Message> deliveries = stream.messages("deliveries");
				JsonNode last = this.json.readTree(deliveries.get(deliveries.size() - 1).data());
				assertThat(last.get("reset").asBoolean()).isFalse();
				assertThat(last.get("rows").toString()).contains(after.id()).doesNotContain(before.id());
			});
		}
	}

	@Test
	void manyEventsAreCoalescedIntoAFewMessagesPerSecond() {
		try (SseClient stream = new SseClient(this.port); KafkaRecords kafka = new KafkaRecords(this.bootstrapServers)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.messages("groups").size() >= 1);
			Instant start = Instant.now();
			int events = 1000;
			Event last = null;
			for (int i = 0; i < events; i++) {
				last = kafka.event("burst", "k-" + i, Map.of("n", i));
				kafka.receipt(last, "fanout-audit", "fanout-audit");
			}
			kafka.flush();
			Event newest = last;
			// Generous: the machine may be busy; the bound below is on the count, not on the time.
			await().atMost(Duration.ofSeconds(90))
				.until(() -> stream.messages("deliveries").stream().anyMatch((m) -> m.data().contains(newest.id())));
			Instant end = Instant.now();

			List<SseClient.Message> during = stream.messages("deliveries")
				.stream()
				.filter((m) -> !m.receivedAt().isBefore(start) && !m.receivedAt().isAfter(end))
				.toList();
			long intervals = Duration.between(start, end).toMillis() / INTERVAL.toMillis();
			assertThat(during.size()).isLessThan(events / 10);
			assertThat(during.size()).as("deliveries messages for %d events in %d intervals", events, intervals)
				.isLessThanOrEqualTo((int) intervals + 2);
			// Each message carries at most the table, however many events arrived in between.
			assertThat(during).allSatisfy((m) -> assertThat(this.json.readTree(m.data()).get("rows").size())
				.isLessThanOrEqualTo(200));
		}
	}

	@Test
	void aClientThatStopsReadingIsDroppedWhileTheOthersKeepGettingUpdates() throws Exception {
		double droppedBefore = this.meterRegistry.counter("dashboard.stream.dropped").count();
		try (Socket stuck = new Socket(); SseClient healthy = new SseClient(this.port);
				KafkaRecords kafka = new KafkaRecords(this.bootstrapServers)) {
			// A small receive window and no reading: the server's writes to it soon block.
			stuck.setReceiveBufferSize(1024);
			stuck.connect(new InetSocketAddress("localhost", this.port));
			OutputStream out = stuck.getOutputStream();
			out.write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String bulk = "x".repeat(900);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
				for (int i = 0; i < 200; i++) {
					kafka.event("bulk", "k-" + i, Map.of("bulk", bulk));
				}
				kafka.flush();
				return this.meterRegistry.counter("dashboard.stream.dropped").count() > droppedBefore;
			});
			assertThat(this.clients.size()).isEqualTo(1);

			int before = healthy.messages("deliveries").size();
			Event after = publish("after.drop", 1).get(0);
			await().atMost(Duration.ofSeconds(10)).until(() -> healthy.messages("deliveries").size() > before
					&& healthy.messages("deliveries").stream().anyMatch((m) -> m.data().contains(after.id())));
		}
	}

	@Test
	void oneStreamMoreThanTheLimitIsRefusedWith503() {
		List<SseClient> open = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				open.add(new SseClient(this.port));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.clients.size() == 5);
			var refused = dev.kafkapatterns.dashboard.Http.get(this.port, "/api/stream");
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.body()).contains("dashboard.stream.max-clients");
		}
		finally {
			open.forEach(SseClient::close);
		}
	}

	private List<Event> publish(String type, int count) {
		try (KafkaRecords kafka = new KafkaRecords(this.bootstrapServers)) {
			List<Event> events = new java.util.ArrayList<>();
			for (int i = 0; i < count; i++) {
				events.add(kafka.event(type, "key-" + i, Map.of()));
			}
			kafka.flush();
			return events;
		}
	}

}
