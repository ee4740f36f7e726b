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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.DeadLetters;
import dev.kafkapatterns.support.testing.DeadLetters.DeadLetter;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fanout: three roles, three consumer groups on one topic, and each group receives every event
 * exactly once. Failures on purpose show retries (500 ms, then 1 s, then 2 s) that succeed, and
 * retries that end in the dead-letter topic while the other groups carry on.
 */
@SpringBootTest(properties = { "fanout.role=all", "app.instance-id=fanout-test", "server.port=0", "app.demo.enabled=true" })
@EmbeddedKafka(partitions = 6, topics = { "events", "event-receipts", "events.DLT" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = "auto.create.topics.enable=false")
@ExtendWith(OutputCaptureExtension.class)
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

	DeadLetters deadLetters;

	@BeforeEach
	void setUp() {
		this.sender = new EventSender(this.bootstrapServers, "events");
		this.receipts = new ReceiptLog(this.bootstrapServers, "event-receipts");
		this.deadLetters = new DeadLetters(this.bootstrapServers, "events.DLT");
	}

	@AfterEach
	void tearDown() {
		this.sender.close();
		this.receipts.close();
		this.deadLetters.close();
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
			assertThat(receipt.group()).isEqualTo("fanout-audit");
			assertThat(receipt.service()).isEqualTo("fanout-audit");
			assertThat(receipt.instance()).isEqualTo("fanout-test");
		});
		List<String> lines = Files.readAllLines(auditDir.resolve("audit-trail.jsonl"));
		assertThat(sent).allSatisfy((id) -> assertThat(lines).filteredOn((line) -> line.contains(id)).hasSize(1));
		double counted = this.meterRegistry.find("events.received").counters().stream().mapToDouble((c) -> c.count()).sum();
		assertThat(counted).isGreaterThanOrEqualTo(sent.size());
	}

	@Test
	void failureOnPurposeIsRetriedUntilItSucceedsOrEndsInTheDeadLetterTopic() {
		Event recovers = this.sender.send("order.placed", "customer-2",
				Map.of("failFor", "notifications", "failTimes", 2));
		Event neverRecovers = this.sender.send("order.placed", "customer-3", Map.of("failFor", "audit"));

		// Every group processes both events, except audit, which gives up on the one that always fails.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.receipts.countsPerEvent("fanout-notifications")).containsEntry(recovers.id(), 1L)
				.containsEntry(neverRecovers.id(), 1L);
			assertThat(this.receipts.countsPerEvent("fanout-monitoring")).containsKeys(recovers.id(), neverRecovers.id());
			assertThat(this.receipts.countsPerEvent("fanout-audit")).containsKey(recovers.id());
			assertThat(this.deadLetters.withKey("customer-3")).hasSize(1);
		});
		DeadLetter audit = this.deadLetters.withKey("customer-3").get(0);
		assertThat(audit.group()).isEqualTo("fanout-audit");
		assertThat(audit.reason()).contains("simulated failure").contains("attempt 4");
		assertThat(audit.value()).contains(neverRecovers.id());
		assertThat(this.deadLetters.withKey("customer-2")).as("a failure that recovers is no dead letter").isEmpty();
		assertThat(this.receipts.countsPerEvent("fanout-audit")).doesNotContainKey(neverRecovers.id());
	}

	/**
	 * One consumer reads all six partitions, so while one event is retried, polls that hold only
	 * other partitions' events succeed. Its retries must still count up to the dead letter: with
	 * spring-kafka 4.1's own error handler, each such poll started the count again (GH-4371).
	 */
	@Test
	void failingEventUsesItsRetriesOnceWhileOtherPartitionsKeepFlowing(CapturedOutput output) {
		this.sender.send("order.placed", "stuck-1", Map.of("failFor", "audit"));

		int[] flowing = { 0 };
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.sender.send("order.placed", "flow-" + flowing[0]++, Map.of());
			return !this.deadLetters.withKey("stuck-1").isEmpty();
		});

		assertThat(output.getOut().lines().filter((line) -> line.contains("failed group=fanout-audit")
				&& line.contains("key=stuck-1")))
			.as("attempt 1 and its 3 retries, each once, then the dead letter")
			.hasSize(4);
	}

}
