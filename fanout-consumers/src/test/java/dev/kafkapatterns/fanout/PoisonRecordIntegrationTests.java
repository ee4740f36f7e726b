package dev.kafkapatterns.fanout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.DeadLetters;
import dev.kafkapatterns.support.testing.DeadLetters.DeadLetter;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records, for all three fanout groups at once. Retries wait a fixed 10 s here, so a
 * record that reaches the dead-letter topic sooner was not retried. The demo's levers are off
 * here (the default), so a payload's {@code failFor} is plain data.
 */
@SpringBootTest(properties = { "fanout.role=all", "app.instance-id=dead-letter-test", "server.port=0",
		"app.retry.max-retries=3", "app.retry.initial-interval=10s", "app.retry.multiplier=1.0",
		"app.retry.max-interval=10s" })
@EmbeddedKafka(partitions = 3, topics = { "events", "event-receipts", "events.DLT" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = "auto.create.topics.enable=false")
class PoisonRecordIntegrationTests {

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring");

	@TempDir
	static Path auditDir;

	@DynamicPropertySource
	static void auditFile(DynamicPropertyRegistry registry) {
		registry.add("fanout.audit.file", () -> auditDir.resolve("audit-trail.jsonl").toString());
	}

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	EventSender sender;

	ReceiptLog receipts;

	DeadLetters deadLetters;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@BeforeEach
	void setUp() {
		// Timings below are measured from the send, so every group must own its partitions first.
		this.listeners.getListenerContainers()
			.forEach((container) -> ContainerTestUtils.waitForAssignment(container, 3));
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
	void withTheDemoLeversOffFailForIsPlainData() {
		Event asksToFail = this.sender.send("order.placed", "customer-9", Map.of("failFor", "all"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String group : GROUPS) {
				assertThat(this.receipts.countsPerEvent(group)).as(group).containsEntry(asksToFail.id(), 1L);
			}
		});
		assertThat(this.deadLetters.withKey("customer-9")).isEmpty();
	}

	@Test
	void poisonRecordsGoStraightToTheDeadLetterTopicAndProcessingGoesOn() {
		this.sender.sendRaw("poison-1", "this is not JSON".getBytes(StandardCharsets.UTF_8));
		this.sender.sendRaw("poison-2", "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
		Event after = this.sender.send("order.placed", "customer-1", Map.of());

		// Sooner than the first retry could have happened: no retries for poison.
		await().atMost(Duration.ofSeconds(9)).untilAsserted(() -> {
			assertThat(this.deadLetters.withKey("poison-1")).extracting(DeadLetter::group)
				.containsExactlyInAnyOrderElementsOf(GROUPS);
			assertThat(this.deadLetters.withKey("poison-2")).extracting(DeadLetter::group)
				.containsExactlyInAnyOrderElementsOf(GROUPS);
		});
		DeadLetter notJson = this.deadLetters.withKey("poison-1").get(0);
		assertThat(notJson.value()).isEqualTo("this is not JSON");
		assertThat(notJson.originalTopic()).isEqualTo("events");
		assertThat(notJson.originalOffset()).isNotNull();
		assertThat(notJson.origin()).matches("events-\\d+@" + notJson.originalOffset());
		assertThat(notJson.reason()).isNotBlank();
		assertThat(this.deadLetters.withKey("poison-2").get(0).reason()).contains("id is required");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String group : GROUPS) {
				assertThat(this.receipts.countsPerEvent(group)).as(group).containsEntry(after.id(), 1L);
			}
		});
	}

}
