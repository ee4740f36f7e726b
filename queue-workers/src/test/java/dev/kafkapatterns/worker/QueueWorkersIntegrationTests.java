package dev.kafkapatterns.worker;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.Event;
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
 * exactly once in total, and both instances process some.
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
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				Map<String, Long> perJob = receipts.countsPerEvent("queue-workers");
				assertThat(perJob).hasSize(jobs.size());
				assertThat(perJob.values()).as("receipts per job").containsOnly(1L);
			});
			Map<String, Long> perWorker = receipts.countsPerInstance("queue-workers");
			assertThat(perWorker.keySet()).containsExactlyInAnyOrder("worker-a", "worker-b");
			assertThat(perWorker.values()).allSatisfy((count) -> assertThat(count).isPositive());
			assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(jobs.size());
		}
	}

	private static ConfigurableApplicationContext startWorker(String bootstrapServers, String instanceId) {
		return new SpringApplicationBuilder(QueueWorkerApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--app.instance-id=" + instanceId);
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
