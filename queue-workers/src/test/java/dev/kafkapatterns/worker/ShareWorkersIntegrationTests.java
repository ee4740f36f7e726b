package dev.kafkapatterns.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.DeadLetters;
import dev.kafkapatterns.support.testing.DeadLetters.DeadLetter;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Share mode ({@code worker.mode=share}): the workers join the share group
 * {@code queue-workers-share}, and the broker lends each record to one of them. Jobs published
 * before the first worker started are not skipped, every job is acknowledged once, failures are
 * released and redelivered with a growing delivery count, and what never succeeds or is poison
 * ends in the dead-letter topic.
 */
@EmbeddedKafka(partitions = 2, topics = { "events", "event-receipts", "events.DLT" },
		brokerProperties = { "auto.create.topics.enable=false",
				// One broker: the share-group state topic cannot have the default three replicas.
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1" })
@ExtendWith(OutputCaptureExtension.class)
class ShareWorkersIntegrationTests {

	private static final String GROUP = "queue-workers-share";

	@Test
	void twoShareWorkersProcessEveryJobOnceAndRetryOrDeadLetterFailures(EmbeddedKafkaBroker broker,
			CapturedOutput output) {
		String bootstrapServers = broker.getBrokersAsString();
		try (EventSender sender = new EventSender(bootstrapServers, "events");
				ReceiptLog receipts = new ReceiptLog(bootstrapServers, "event-receipts");
				DeadLetters deadLetters = new DeadLetters(bootstrapServers, "events.DLT")) {
			// Published before any share worker exists: the group starts at the earliest offset.
			Set<String> jobs = new HashSet<>();
			for (int i = 0; i < 60; i++) {
				jobs.add(sender.send("report.requested", "tenant-" + (i % 3), Map.of("workMs", 5)).id());
			}
			try (ConfigurableApplicationContext workerA = startShareWorker(bootstrapServers, "share-a");
					ConfigurableApplicationContext workerB = startShareWorker(bootstrapServers, "share-b")) {
				for (int i = 0; i < 60; i++) {
					jobs.add(sender.send("report.requested", "tenant-" + (i % 3), Map.of("workMs", 5)).id());
				}
				Event recovers = sender.send("report.requested", "tenant-r", Map.of("failFor", "worker", "failTimes", 2));
				Event fails = sender.send("report.requested", "tenant-f", Map.of("failFor", "worker"));
				sender.sendRaw("poison-share", "not a job".getBytes(StandardCharsets.UTF_8));
				Event after = sender.send("report.requested", "tenant-a", Map.of("workMs", 1));

				await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
					assertThat(receipts.countsPerEvent(GROUP).keySet()).containsAll(jobs)
						.contains(recovers.id(), after.id());
					assertThat(deadLetters.withKey("tenant-f")).isNotEmpty();
					assertThat(deadLetters.withKey("poison-share")).isNotEmpty();
				});
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					List<DeliveryReceipt> ours = receipts.ofGroup(GROUP)
						.stream()
						.filter((receipt) -> jobs.contains(receipt.eventId()))
						.toList();
					assertThat(ours).extracting(DeliveryReceipt::eventId).doesNotHaveDuplicates().hasSize(jobs.size());
				});
				Map<String, Long> perWorker = receipts.ofGroup(GROUP)
					.stream()
					.filter((receipt) -> jobs.contains(receipt.eventId()))
					.collect(Collectors.groupingBy(DeliveryReceipt::instance, Collectors.counting()));
				assertThat(perWorker).containsOnlyKeys("share-a", "share-b");
				assertThat(receipts.ofGroup(GROUP)).allSatisfy((receipt) -> assertThat(receipt.service()).isEqualTo("queue-worker"));

				// Fails on deliveries 1 and 2, released each time, processed on delivery 3.
				assertThat(receipts.countsPerEvent(GROUP)).containsEntry(recovers.id(), 1L).doesNotContainKey(fails.id());
				assertThat(output).contains("delivery 1 failed group=queue-workers-share")
					.contains("delivery 2 failed group=queue-workers-share")
					.containsPattern("processed service=queue-worker group=queue-workers-share .*eventId=" + recovers.id()
							+ " type=report.requested deliveryCount=3 \\|");
				DeadLetter failed = deadLetters.withKey("tenant-f").get(0);
				assertThat(deadLetters.withKey("tenant-f")).hasSize(1);
				assertThat(failed.group()).isEqualTo(GROUP);
				assertThat(failed.reason()).contains("simulated failure").contains("attempt 4");
				assertThat(failed.origin()).startsWith("events-");
				DeadLetter poison = deadLetters.withKey("poison-share").get(0);
				assertThat(poison.group()).isEqualTo(GROUP);
				assertThat(poison.value()).isEqualTo("not a job");
			}
		}
	}

	private static ConfigurableApplicationContext startShareWorker(String bootstrapServers, String instanceId) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--app.demo.enabled=true",
				"--worker.mode=share", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--app.instance-id=" + instanceId));
		return new SpringApplicationBuilder(QueueWorkerApplication.class).run(args.toArray(String[]::new));
	}

}
