package dev.kafkapatterns.localstack.system;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import dev.kafkapatterns.localstack.ServiceStatus;
import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.support.testing.ReceiptLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Both patterns across real processes: the broker, the producer-service, the dashboard, three
 * fanout services and three workers, each its own JVM started from the built jars (the stack
 * these system tests share). Every fanout group processes
 * every event exactly once; the workers process every event exactly once between them; and when a
 * worker leaves (SIGTERM), the others take over its partitions without losing or repeating an
 * event. And nothing listens beyond this machine's loopback address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatternsSystemTests {

	static final List<String> FANOUT_GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring");

	static final String WORKERS = "queue-workers";

	private SystemTestStack system;

	private ReceiptLog receipts;

	private final List<String> published = new ArrayList<>();

	@BeforeAll
	void startStack() throws InterruptedException {
		this.system = SystemTestStack.shared(3);
		this.receipts = this.system.receipts();
	}

	@AfterEach
	void restoreTheStack() throws InterruptedException {
		this.system.restore();
	}

	@Test
	@Order(1)
	void everyFanoutGroupGetsEveryEventAndTheWorkersShareThem() {
		this.system.mark("publishing 300 events");
		this.published.addAll(this.system.publishConcurrently(300,
				(i) -> SystemTestStack.event("order.placed", "customer-" + (i % 37), Map.of("n", i, "workMs", 5))));

		assertEachGroupProcessedEachEventOnce(this.published);
		Map<String, Long> perWorker = perWorker(this.published);
		assertThat(perWorker).as("workers that processed some events").hasSizeGreaterThanOrEqualTo(2);
		SystemTestReport.record("patterns: 300 events; each fanout group processed 300 exactly once; workers "
				+ perWorker + " (300 in total, none twice)");

		JsonNode status = this.system.status(this.published.get(0));
		assertThat(status.get("deliveries").valueStream().map((delivery) -> delivery.get("group").asString()))
			.containsExactlyInAnyOrder("fanout-audit", "fanout-notifications", "fanout-monitoring", WORKERS);
	}

	@Test
	@Order(2)
	void whenAWorkerLeavesTheOthersTakeOverItsPartitions() throws InterruptedException {
		this.system.mark("stopping queue-worker-2 with SIGTERM");
		this.system.stack().stop("queue-worker-2");

		this.system.mark("publishing 300 more events");
		List<String> more = this.system.publishConcurrently(300,
				(i) -> SystemTestStack.event("order.placed", "customer-" + (i % 41), Map.of("n", 300 + i, "workMs", 5)));
		this.published.addAll(more);

		assertEachGroupProcessedEachEventOnce(this.published);
		Map<String, Long> perWorkerAfter = perWorker(more);
		assertThat(perWorkerAfter).doesNotContainKey("queue-worker-2").containsKeys("queue-worker-1", "queue-worker-3");
		SystemTestReport.record("patterns after SIGTERM of queue-worker-2: 300 more events; every group processed all "
				+ this.published.size() + " exactly once; the new events went to " + perWorkerAfter);
	}

	@Test
	@Order(3)
	void everyProcessListensOnLoopbackOnly() throws IOException {
		List<InetAddress> otherAddresses = new ArrayList<>();
		for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
			if (network.isUp() && !network.isLoopback()) {
				network.inetAddresses().filter(Inet4Address.class::isInstance).forEach(otherAddresses::add);
			}
		}
		assumeThat(otherAddresses).as("an address other than loopback").isNotEmpty();
		List<ServiceStatus> processes = this.system.stack().status();
		// The broker, producer-service, the dashboard, three fanout services and three workers.
		assertThat(processes).hasSize(9);
		for (ServiceStatus process : processes) {
			assertThat(connects(InetAddress.getLoopbackAddress(), process.port())).as(process.name() + " on loopback").isTrue();
			for (InetAddress other : otherAddresses) {
				assertThat(connects(other, process.port())).as(process.name() + " on " + other).isFalse();
			}
		}
		SystemTestReport.record("listening: all " + processes.size() + " processes answer on 127.0.0.1 only, not on "
				+ otherAddresses);
	}

	private static boolean connects(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void assertEachGroupProcessedEachEventOnce(List<String> ids) {
		Set<String> expected = new HashSet<>(ids);
		List<String> groups = new ArrayList<>(FANOUT_GROUPS);
		groups.add(WORKERS);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String group : groups) {
				assertThat(this.receipts.countsPerEvent(group).keySet()).as(group).containsAll(expected);
			}
		});
		// Stable for a few seconds: no late duplicate shows up.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (String group : groups) {
				Map<String, Long> counts = this.receipts.countsPerEvent(group);
				assertThat(expected).as(group).allSatisfy((id) -> assertThat(counts.get(id)).as(group + " " + id).isEqualTo(1L));
			}
		});
	}

	private Map<String, Long> perWorker(List<String> ids) {
		Set<String> wanted = new HashSet<>(ids);
		return this.receipts.ofGroup(WORKERS)
			.stream()
			.filter((receipt) -> wanted.contains(receipt.eventId()))
			.collect(Collectors.groupingBy(DeliveryReceipt::instance, Collectors.counting()));
	}

}
