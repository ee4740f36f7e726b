package dev.kafkapatterns.localstack.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.kafkapatterns.localstack.system.ReceiptTally.Processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A soak test, opt-in ({@code -Dsoak=true}): steady traffic through the REST API for minutes
 * against the whole local stack with 3 workers in the consumer group, while a worker is killed
 * (SIGKILL) and a new one started ({@code scale 3}) every 2 minutes, the workers in turn. At the
 * end every event answered 202 has been processed by every group, fanout and queue; duplicates
 * are counted; and the resident memory of each process, sampled when ready, before each kill and
 * at the end, is reported, to show whether anything keeps growing.
 *
 * <p>Defaults: 200 events/s for 10 minutes. {@code -Dsoak.minutes}, {@code -Dsoak.rate} (events per
 * second, a multiple of 20) and {@code -Dsoak.kill-every} (seconds) change them.
 */
@EnabledIfSystemProperty(named = "soak", matches = "true", disabledReason = "a soak test: -Dsoak=true runs it (about 11 minutes)")
class SoakSystemTests {

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring",
			"queue-workers");

	private static final int WORKERS = 3;

	private final Duration length = Duration.ofMinutes(Long.getLong("soak.minutes", 10));

	private final int rate = Integer.getInteger("soak.rate", 200);

	private final Duration killEvery = Duration.ofSeconds(Long.getLong("soak.kill-every", 120));

	@Test
	void steadyTrafficWithAWorkerKilledAndReplacedEveryTwoMinutesLosesNoAcceptedEvent() throws InterruptedException {
		try (SystemTestStack system = SystemTestStack.start("soak", WORKERS);
				SteadyPublisher publisher = new SteadyPublisher(system.stack().producerUrl(), this.rate);
				ReceiptTally tally = new ReceiptTally(system.stack().bootstrapServers(), "event-receipts")) {
			MemoryTimeline memory = new MemoryTimeline(system.stack());
			memory.sample("ready");
			system.mark("publishing " + this.rate + " events/s for " + this.length.toMinutes() + " min");
			long began = System.nanoTime();
			long end = began + this.length.toNanos();
			publisher.start();
			List<String> replaced = new ArrayList<>();
			for (int round = 0;; round++) {
				long next = Math.min(end, began + this.killEvery.multipliedBy(round + 1).toNanos());
				// Counting the receipts as they come keeps the reader from falling far behind.
				await().atMost(this.killEvery.plusMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
					tally.catchUp();
					return System.nanoTime() >= next;
				});
				if (next >= end) {
					break;
				}
				memory.sample(minutesAndSeconds(next - began));
				String victim = "queue-worker-" + (round % WORKERS + 1);
				system.mark("kill -9 " + victim + ", then scale " + WORKERS);
				system.stack().kill(victim);
				long scaling = System.nanoTime();
				system.stack().scale(WORKERS);
				replaced.add(String.format(Locale.ROOT, "%s at %s (new one healthy in %.1f s)", victim,
						minutesAndSeconds(scaling - began), (System.nanoTime() - scaling) / 1e9));
			}
			publisher.stop();
			system.mark("stopped publishing");
			long stopped = System.nanoTime();
			List<String> accepted = publisher.accepted();

			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				tally.catchUp();
				for (String group : GROUPS) {
					assertThat(tally.of(group, accepted).missing()).as(group + ": accepted events not processed").isZero();
				}
			});
			String drained = minutesAndSeconds(System.nanoTime() - stopped);
			memory.sample("end");

			Map<String, Long> answers = publisher.answers();
			assertThat(accepted).isNotEmpty();
			assertThat(answers).as("answers other than 202 and 503").doesNotContainKeys("500", "502", "504");
			StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
					"soak: %d min at %d events/s asked, %d requests sent (%.1f/s; %d not sent because 128 were unanswered), "
							+ "answers %s; %d accepted events all processed by every group, drained %s after the last request; "
							+ "workers killed (SIGKILL) and replaced: %s",
					this.length.toMinutes(), this.rate, publisher.sent(), publisher.rate(), publisher.skipped(), answers,
					accepted.size(), drained, replaced));
			for (String group : GROUPS) {
				Processing processing = tally.of(group, accepted);
				report.append(String.format(Locale.ROOT, "%n  %-22s processed %d, lost %d, duplicates %d", group,
						processing.processed(), processing.missing(), processing.duplicates()));
			}
			report.append(String.format(Locale.ROOT, "%n%s%n  (* a new process since the sample before: the worker was killed and started again)",
					memory.render()));
			SystemTestReport.record(report.toString());
		}
	}

	private static String minutesAndSeconds(long nanos) {
		long seconds = Math.round(nanos / 1e9);
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

}
