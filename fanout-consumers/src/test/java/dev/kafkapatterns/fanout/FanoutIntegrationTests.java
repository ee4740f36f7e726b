package dev.kafkapatterns.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fanout: three roles, three consumer groups on one topic, and each group receives every event
 * exactly once.
 */
@SpringBootTest(properties = { "fanout.role=all", "app.instance-id=fanout-test", "server.port=0" })
@EmbeddedKafka(partitions = 6, topics = { "events", "event-receipts", "events.DLT" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = "auto.create.topics.enable=false")
class FanoutIntegrationTests {

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring");

	@TempDir
	static Path auditDir;

	@DynamicPropertySource
	static void auditFile(DynamicPropertyRegistry registry) {
		registry.add("fanout.audit.file", () -> auditDir.resolve("audit-trail.jsonl").toString());
	}

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MeterRegistry meterRegistry;

	EventSender sender;

	ReceiptLog receipts;

	@BeforeEach
	void setUp() {
		this.sender = new EventSender(this.bootstrapServers, "events");
		this.receipts = new ReceiptLog(this.bootstrapServers, "event-receipts");
	}

	@AfterEach
	void tearDown() {
		this.sender.close();
		this.receipts.close();
	}

	@Test
	void everyGroupReceivesEveryEventExactlyOnce() throws IOException {
		Set<String> sent = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			Event event = this.sender.send((i % 2 == 0) ? "order.placed" : "order.shipped", "customer-" + (i % 13),
					Map.of("n", i));
			sent.add(event.id());
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (String group : GROUPS) {
				assertThat(this.receipts.countsPerEvent(group).keySet()).as(group).containsAll(sent);
			}
		});
		// No duplicates show up later either.
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			for (String group : GROUPS) {
				Map<String, Long> counts = this.receipts.countsPerEvent(group);
				assertThat(counts.entrySet()).as(group)
					.filteredOn((entry) -> sent.contains(entry.getKey()))
					.hasSize(sent.size())
					.allSatisfy((entry) -> assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(1));
			}
		});

		List<DeliveryReceipt> audit = this.receipts.ofGroup("fanout-audit");
		assertThat(audit).allSatisfy((receipt) -> {
			assertThat(receipt.service()).isEqualTo("fanout-audit");
			assertThat(receipt.instance()).isEqualTo("fanout-test");
		});
		List<String> lines = Files.readAllLines(auditDir.resolve("audit-trail.jsonl"));
		assertThat(sent).allSatisfy((id) -> assertThat(lines).filteredOn((line) -> line.contains(id)).hasSize(1));
		double counted = this.meterRegistry.find("events.received").counters().stream().mapToDouble((c) -> c.count()).sum();
		assertThat(counted).isGreaterThanOrEqualTo(sent.size());
	}

}
