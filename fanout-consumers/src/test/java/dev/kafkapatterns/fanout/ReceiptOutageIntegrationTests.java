package dev.kafkapatterns.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ReceiptHealthIndicator;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receipts that cannot be written (their topic does not exist yet) stop the commit, not the
 * side effect's uniqueness: the audit role appends each event once, retries only the receipts,
 * reports its health {@code DOWN} while it is stuck, and sends every receipt once the topic is
 * there.
 */
@SpringBootTest(properties = { "fanout.role=audit", "app.instance-id=receipt-outage-test", "server.port=0",
		"app.topics.receipts=late-receipts", "app.receipts.send-timeout=5s", "app.receipts.unhealthy-after=2s",
		"app.retry.max-interval=300ms", "spring.kafka.producer.properties.max.block.ms=500" })
@EmbeddedKafka(partitions = 2, topics = { "events", "events.DLT" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = "auto.create.topics.enable=false")
class ReceiptOutageIntegrationTests {

	@TempDir
	static Path auditDir;

	@DynamicPropertySource
	static void auditFile(DynamicPropertyRegistry registry) {
		registry.add("fanout.audit.file", () -> auditDir.resolve("audit-trail.jsonl").toString());
	}

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	ReceiptHealthIndicator receiptHealth;

	@Test
	void aConsumerWhoseReceiptsFailDoesItsWorkOnceAndSaysItIsStuck() throws Exception {
		List<String> sent = new ArrayList<>();
		try (EventSender sender = new EventSender(this.bootstrapServers, "events")) {
			for (int i = 0; i < 5; i++) {
				sent.add(sender.send("order.placed", "customer-" + i, Map.of("n", i)).id());
			}
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.receiptHealth.health(true).getStatus()).isEqualTo(Status.DOWN);
			assertThat(this.receiptHealth.health(true).getDetails()).containsKey("fanout-audit");
		});
		assertThat(String.valueOf(this.receiptHealth.health(true).getDetails().get("fanout-audit")))
			.contains("receipts unacknowledged for").contains("late-receipts");
		// Retries run every 300 ms: each sends the stuck receipts again, none redoes the work.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(auditLines()).isNotEmpty();
			assertEachEventAppendedAtMostOnce(sent);
		});

		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			admin.createTopics(Set.of(new NewTopic("late-receipts", 1, (short) 1))).all().get();
		}
		try (ReceiptLog receipts = new ReceiptLog(this.bootstrapServers, "late-receipts")) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(receipts.countsPerEvent("fanout-audit")).containsOnlyKeys(sent);
				assertThat(receipts.countsPerEvent("fanout-audit").values()).containsOnly(1L);
			});
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiptHealth.health(true).getStatus()).isEqualTo(Status.UP));
		assertEachEventAppendedOnce(sent);
	}

	private void assertEachEventAppendedAtMostOnce(List<String> events) throws IOException {
		List<String> lines = auditLines();
		assertThat(events).allSatisfy(
				(id) -> assertThat(lines).filteredOn((line) -> line.contains(id)).hasSizeLessThanOrEqualTo(1));
	}

	private void assertEachEventAppendedOnce(List<String> events) throws IOException {
		List<String> lines = auditLines();
		assertThat(events).allSatisfy((id) -> assertThat(lines).filteredOn((line) -> line.contains(id)).hasSize(1));
	}

	private List<String> auditLines() throws IOException {
		Path file = auditDir.resolve("audit-trail.jsonl");
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
	}

}
