package dev.kafkapatterns.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.DeadLetters;
import dev.kafkapatterns.support.testing.DeadLetters.DeadLetter;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Queue: two worker instances share the group {@code queue-workers}. Every job is processed
 * exactly once in total, and both instances process some. A worker skips a job it already did,
 * and a failing job is retried, then dead-lettered.
 */
@EmbeddedKafka(partitions = 6, topics = { "events", "event-receipts", "events.DLT" },
		brokerProperties = { "auto.create.topics.enable=false",
				// Quicker rebalances than the production defaults, so the test does not wait on them.
				"group.consumer.min.heartbeat.interval.ms=500", "group.consumer.heartbeat.interval.ms=500" })
class QueueWorkersIntegrationTests {

	@Test
	void everyJobIsProcessedExactlyOnceAcrossTwoWorkers(EmbeddedKafkaBroker broker) {
		String bootstrapServers = broker.getBrokersAsString();
		try (ConfigurableApplicationContext workerA = startWorker(bootstrapServers, "worker-a");
				ConfigurableApplicationContext workerB = startWorker(bootstrapServers, "worker-b");
				EventSender sender = new EventSender(bootstrapServers, "events");
				ReceiptLog receipts = new ReceiptLog(bootstrapServers, "event-receipts")) {
			await().atMost(Duration.ofSeconds(60)).until(() -> bothMembersHavePartitions(bootstrapServers));

			Set<String> jobs = new HashSet<>();
			for (int i = 0; i < 120; i++) {
				Event job = sender.send("report.requested", "tenant-" + i, Map.of("workMs", 5));
				jobs.add(job.id());
			}

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(receipts.countsPerEvent("queue-workers").keySet()).containsAll(jobs));
			// The test class shares one broker, so count only this test's jobs.
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				List<DeliveryReceipt> ours = receipts.ofGroup("queue-workers")
					.stream()
					.filter((receipt) -> jobs.contains(receipt.eventId()))
					.toList();
				assertThat(ours).hasSize(jobs.size());
				assertThat(ours).extracting(DeliveryReceipt::eventId).doesNotHaveDuplicates();
			});
			Map<String, Long> perWorker = receipts.ofGroup("queue-workers")
				.stream()
				.filter((receipt) -> jobs.contains(receipt.eventId()))
				.collect(Collectors.groupingBy(DeliveryReceipt::instance, Collectors.counting()));
			assertThat(perWorker.keySet()).containsExactlyInAnyOrder("worker-a", "worker-b");
			assertThat(perWorker.values()).allSatisfy((count) -> assertThat(count).isPositive());
		}
	}

	@Test
	void aWorkerDoesNotRepeatAJobItCompletedAndRetriesOrDeadLettersFailures(EmbeddedKafkaBroker broker) {
		String bootstrapServers = broker.getBrokersAsString();
		try (ConfigurableApplicationContext worker = startWorker(bootstrapServers, "worker-solo", "--app.retry.initial-interval=100ms");
				EventSender sender = new EventSender(bootstrapServers, "events");
				ReceiptLog receipts = new ReceiptLog(bootstrapServers, "event-receipts");
				DeadLetters deadLetters = new DeadLetters(bootstrapServers, "events.DLT")) {
			Event job = new Event("job-sent-twice", "report.requested", "tenant-x", Map.of("workMs", 1), Instant.now());
			sender.send(job);
			sender.send(job);
			Event recovers = sender.send("report.requested", "tenant-y", Map.of("failFor", "worker", "failTimes", 1));
			Event fails = sender.send("report.requested", "tenant-z", Map.of("failFor", "worker"));

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(receipts.countsPerEvent("queue-workers")).containsEntry(recovers.id(), 1L);
				assertThat(deadLetters.withKey("tenant-z")).extracting(DeadLetter::group).containsExactly("queue-workers");
			});
			assertThat(receipts.countsPerEvent("queue-workers")).containsEntry(job.id(), 1L)
				.doesNotContainKey(fails.id());
			assertThat(worker.getBean(MeterRegistry.class).get("jobs.duplicates.skipped").counter().count())
				.isEqualTo(1.0);
		}
	}

	private static ConfigurableApplicationContext startWorker(String bootstrapServers, String instanceId,
			String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--app.demo.enabled=true", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--app.instance-id=" + instanceId));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(QueueWorkerApplication.class).run(args.toArray(String[]::new));
	}

	private static boolean bothMembersHavePartitions(String bootstrapServers) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of("queue-workers"))
				.describedGroups()
				.get("queue-workers")
				.get();
			return group.members().size() == 2 && group.members()
				.stream()
				.map(MemberDescription::assignment)
				.allMatch((assignment) -> !assignment.topicPartitions().isEmpty());
		}
	}

}
