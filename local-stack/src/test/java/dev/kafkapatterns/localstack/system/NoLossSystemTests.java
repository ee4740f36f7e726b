package dev.kafkapatterns.localstack.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.support.testing.DeadLetters;
import dev.kafkapatterns.support.testing.DeadLetters.DeadLetter;
import dev.kafkapatterns.support.testing.EventSender;
import dev.kafkapatterns.support.testing.ReceiptLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise under faults, on real processes: an event answered with 202 is processed by every
 * group, whatever fails. A worker killed with SIGKILL mid-stream, a worker stopped with SIGTERM
 * mid-stream, the broker stopped and started while clients publish, and poison and failing
 * events. Each test reports its figures (events, duplicates, losses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoLossSystemTests {

	private static final List<String> ALL_GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring",
			"queue-workers");

	private static final String WORKERS = "queue-workers";

	/** app.publish.ack-timeout plus HTTP and scheduling overhead. */
	private static final Duration UNAVAILABLE_BOUND = Duration.ofMillis(6500);

	private SystemTestStack system;

	private ReceiptLog receipts;

	/** The publishing clients of the broker-restart test, stopped after it whatever happened. */
	private final AtomicBoolean publishing = new AtomicBoolean();

	private ExecutorService clients;

	@BeforeAll
	void startStack() throws InterruptedException {
		this.system = SystemTestStack.start("no-loss", 3);
		this.receipts = this.system.receipts();
	}

	@AfterEach
	void restoreTheStack() throws InterruptedException {
		this.publishing.set(false);
		if (this.clients != null) {
			this.clients.shutdownNow();
			assertThat(this.clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
			this.clients = null;
		}
		this.system.restore();
	}

	@AfterAll
	void stopStack() {
		if (this.system != null) {
			this.system.close();
		}
	}

	@Test
	@Order(1)
	void killingAWorkerMidStreamLosesNoJob() throws InterruptedException {
		this.system.mark("publishing 5000 jobs");
		List<String> jobs = this.system.publishInBatches(5000,
				(i) -> SystemTestStack.event("report.requested", "tenant-" + i, Map.of("workMs", 2)));
		await().atMost(Duration.ofMinutes(2)).until(() -> processedAtLeastOnce(WORKERS, jobs) >= 2500);

		this.system.mark("kill -9 queue-worker-1");
		this.system.stack().kill("queue-worker-1");

		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(processedAtLeastOnce(WORKERS, jobs)).isEqualTo(jobs.size()));
		List<DeliveryReceipt> workerReceipts = receiptsFor(WORKERS, jobs);
		int duplicates = workerReceipts.size() - jobs.size();
		assertThat(RepeatedWork.withinOneInstance(workerReceipts)).as("jobs a worker did twice itself").isEmpty();
		awaitEveryGroupProcessedAll(jobs);
		SystemTestReport.record("kill -9 of a worker mid-stream: " + jobs.size() + " jobs, " + jobs.size()
				+ " processed at least once, 0 lost, " + duplicates
				+ " processed twice (by the worker that took over the killed worker's uncommitted jobs), 0 repeated by the same worker");
	}

	@Test
	@Order(2)
	void aGracefulScaleInLosesAndRepeatsNothing() throws InterruptedException {
		this.system.mark("publishing 3000 jobs");
		List<String> jobs = this.system.publishInBatches(3000,
				(i) -> SystemTestStack.event("report.requested", "graceful-" + i, Map.of("workMs", 3)));
		await().atMost(Duration.ofMinutes(2)).until(() -> processedAtLeastOnce(WORKERS, jobs) >= 1000);

		this.system.mark("SIGTERM queue-worker-2");
		this.system.stack().stop("queue-worker-2");

		awaitEveryGroupProcessedAll(jobs);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(receiptsFor(WORKERS, jobs)).hasSize(jobs.size()));
		SystemTestReport.record("SIGTERM of a worker mid-stream: " + jobs.size() + " jobs, " + jobs.size()
				+ " processed, 0 lost, 0 duplicates");
	}

	@Test
	@Order(3)
	void eventsAcceptedAroundABrokerRestartAreAllProcessed() throws InterruptedException {
		List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger sequence = new AtomicInteger();
		this.publishing.set(true);
		this.clients = Executors.newFixedThreadPool(2);
		for (int client = 0; client < 2; client++) {
			this.clients.submit(() -> {
				while (this.publishing.get()) {
					// A key of its own: a refused event that was written after all is found by its key.
					String key = "restart-" + sequence.incrementAndGet();
					long sentAt = System.nanoTime();
					SystemTestStack.Answer answer = this.system.post("/api/events",
							SystemTestStack.event("order.placed", key, Map.of("n", key)));
					attempts.add(new Attempt(key, sentAt, answer.status(),
							(answer.status() == 202) ? answer.json().get("id").asString() : null, answer.took(),
							answer.retryAfter()));
				}
				return null;
			});
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> accepted(attempts).size() >= 20);

		this.system.mark("stopping kafka (same data directory)");
		long brokerStopped = System.nanoTime();
		this.system.stack().stop(LocalStack.KAFKA);
		await().atMost(Duration.ofMinutes(1)).until(() -> unavailable(attempts).size() >= 4);
		this.system.mark("starting kafka again");
		this.system.stack().start(LocalStack.KAFKA);
		long brokerBack = System.nanoTime();
		await().atMost(Duration.ofMinutes(2)).until(() -> accepted(attempts).stream()
			.filter((attempt) -> attempt.sentAt() > brokerBack)
			.count() >= 20);
		this.publishing.set(false);
		this.clients.shutdown();
		assertThat(this.clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

		List<Attempt> all = List.copyOf(attempts);
		assertThat(all).extracting(Attempt::status).containsOnly(202, 503);
		List<Attempt> refused = unavailable(all);
		assertThat(refused).allSatisfy((attempt) -> {
			assertThat(attempt.took()).isLessThan(UNAVAILABLE_BOUND);
			assertThat(attempt.retryAfter()).isNotBlank();
		});
		// Refused only while the broker was away: none answered before it was stopped.
		assertThat(refused).allSatisfy(
				(attempt) -> assertThat(attempt.sentAt() + attempt.took().toNanos()).isGreaterThan(brokerStopped));
		List<String> acceptedIds = accepted(all).stream().map(Attempt::id).toList();
		awaitEveryGroupProcessedAll(acceptedIds);
		// A 503 says the broker did not acknowledge in time, not that the event is not in the log:
		// the producer may still have written it. Whatever is in the log must be processed too.
		Map<String, String> inTheLog = this.system.eventIdsByKey();
		List<String> writtenAfterAll = refused.stream()
			.map(Attempt::key)
			.filter(inTheLog::containsKey)
			.map(inTheLog::get)
			.toList();
		awaitEveryGroupProcessedAll(writtenAfterAll);
		long maxRefusalMillis = refused.stream().mapToLong((attempt) -> attempt.took().toMillis()).max().orElse(0);
		SystemTestReport.record("broker stopped and restarted while 2 clients published: " + all.size() + " requests, "
				+ acceptedIds.size() + " answered 202 and all processed by all 4 groups (0 lost), " + refused.size()
				+ " answered 503 with Retry-After in at most " + maxRefusalMillis + " ms, none answered otherwise; "
				+ writtenAfterAll.size() + " of the " + refused.size()
				+ " refused events were in the log after all (found by their keys) and processed by all 4 groups too; "
				+ duplicateCount(acceptedIds) + " extra deliveries over all groups");
	}

	@Test
	@Order(4)
	void poisonAndFailingEventsGoToTheDeadLetterTopicAndNothingElseStops() {
		String bootstrap = this.system.stack().bootstrapServers();
		try (EventSender raw = new EventSender(bootstrap, "events");
				DeadLetters deadLetters = new DeadLetters(bootstrap, "events.DLT")) {
			this.system.mark("poison, failing and normal events");
			List<String> normal = new ArrayList<>(this.system.publishConcurrently(50,
					(i) -> SystemTestStack.event("order.placed", "normal-" + i, Map.of("n", i))));
			raw.sendRaw("poison-1", "not JSON at all".getBytes(StandardCharsets.UTF_8));
			raw.sendRaw("poison-2", "{\"type\":\"no.id\"}".getBytes(StandardCharsets.UTF_8));
			raw.sendRaw("poison-3", new byte[] { (byte) 0xff, 0x00, 0x13 });
			String workerFails1 = this.system.publish("report.requested", "fail-worker-1", Map.of("failFor", "worker"));
			String workerFails2 = this.system.publish("report.requested", "fail-worker-2", Map.of("failFor", "worker"));
			String auditFails = this.system.publish("order.placed", "fail-audit",
					Map.of("failFor", "audit", "failTimes", 10));
			normal.addAll(this.system.publishConcurrently(50,
					(i) -> SystemTestStack.event("order.placed", "normal-" + (50 + i), Map.of("n", 50 + i))));

			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				for (String key : List.of("poison-1", "poison-2", "poison-3")) {
					assertThat(deadLetters.withKey(key)).extracting(DeadLetter::group)
						.containsExactlyInAnyOrderElementsOf(ALL_GROUPS);
				}
				assertThat(deadLetters.withKey("fail-worker-1")).extracting(DeadLetter::group).containsExactly(WORKERS);
				assertThat(deadLetters.withKey("fail-worker-2")).extracting(DeadLetter::group).containsExactly(WORKERS);
				assertThat(deadLetters.withKey("fail-audit")).extracting(DeadLetter::group)
					.containsExactly("fanout-audit");
			});
			assertThat(deadLetters.all()).allSatisfy((letter) -> {
				assertThat(letter.reason()).isNotBlank();
				assertThat(letter.originalTopic()).isEqualTo("events");
				assertThat(letter.originalOffset()).isNotNull();
			});
			assertThat(deadLetters.withKey("fail-audit").get(0).reason()).contains("simulated failure");
			awaitEveryGroupProcessedAll(normal);
			await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
				assertThat(this.receipts.countsPerEvent("fanout-audit")).containsKeys(workerFails1, workerFails2)
					.doesNotContainKey(auditFails);
				assertThat(this.receipts.countsPerEvent(WORKERS)).containsKey(auditFails)
					.doesNotContainKeys(workerFails1, workerFails2);
			});
			SystemTestReport.record("poison and failing events: 3 poison records dead-lettered by all 4 groups without retries, "
					+ "3 events failing past the retry limit dead-lettered by the failing group only; "
					+ normal.size() + " normal events processed by every group, 0 lost; dead-letter topic holds "
					+ deadLetters.all().size() + " records");
		}
	}

	private void awaitEveryGroupProcessedAll(List<String> ids) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (String group : ALL_GROUPS) {
				assertThat(processedAtLeastOnce(group, ids)).as(group).isEqualTo(ids.size());
			}
		});
	}

	private long processedAtLeastOnce(String group, List<String> ids) {
		Set<String> processed = this.receipts.countsPerEvent(group).keySet();
		return ids.stream().filter(processed::contains).count();
	}

	private List<DeliveryReceipt> receiptsFor(String group, List<String> ids) {
		Set<String> wanted = new HashSet<>(ids);
		return this.receipts.ofGroup(group).stream().filter((receipt) -> wanted.contains(receipt.eventId())).toList();
	}

	private long duplicateCount(List<String> ids) {
		return ALL_GROUPS.stream().mapToLong((group) -> receiptsFor(group, ids).size() - ids.size()).sum();
	}

	private static List<Attempt> accepted(List<Attempt> attempts) {
		synchronized (attempts) {
			return attempts.stream().filter((attempt) -> attempt.status() == 202).toList();
		}
	}

	private static List<Attempt> unavailable(List<Attempt> attempts) {
		synchronized (attempts) {
			return attempts.stream().filter((attempt) -> attempt.status() == 503).toList();
		}
	}

	/**
	 * One publish request of the broker-restart test.
	 *
	 * @param key the event's key, unique to the request
	 * @param sentAt when it was sent ({@link System#nanoTime()})
	 * @param status the answer's status
	 * @param id the event id, for a 202
	 * @param took how long the answer took
	 * @param retryAfter the {@code Retry-After} header, if any
	 */
	record Attempt(String key, long sentAt, int status, String id, Duration took, String retryAfter) {
	}

}
