package dev.kafkapatterns.dashboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import dev.kafkapatterns.dashboard.KafkaRecords;
import dev.kafkapatterns.dashboard.SseClient;
import dev.kafkapatterns.model.Event;

/**
 * Not a test: the load and the stopwatch for the dashboard's figures in the README.
 *
 * <pre>
 * load BOOTSTRAP EVENTS_PER_SECOND SECONDS      events + 4 receipts each, straight to Kafka, paced per 10 ms
 * latency DASHBOARD_PORT PRODUCER_PORT COUNT    POST one event to the producer-service, time until its row is streamed
 * </pre>
 */
public final class DashboardBenchmark {

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring",
			"queue-workers");

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args[0].equals("load")) {
			load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
		}
		else {
			latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
		}
	}

	private static void load(String bootstrap, int perSecond, int seconds) throws InterruptedException {
		int perTick = Math.max(1, perSecond / 100);
		long start = System.nanoTime();
		long sent = 0;
		try (KafkaRecords kafka = new KafkaRecords(bootstrap)) {
			for (long tick = 0; tick < seconds * 100L; tick++) {
				for (int i = 0; i < perTick; i++, sent++) {
					Event event = kafka.event("load.test", "key-" + (sent % 1000), Map.of("n", sent, "workMs", 0));
					for (int g = 0; g < GROUPS.size(); g++) {
						kafka.receipt(event, GROUPS.get(g), (g < 3) ? GROUPS.get(g) : "queue-worker-" + (1 + sent % 3));
					}
				}
				// Paces the load to fixed due times (open loop): it waits for the clock, not for a
				// condition, so there is nothing for Awaitility to poll.
				long due = start + (tick + 1) * 10_000_000L;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			kafka.flush();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		System.out.printf("sent %d events and %d receipts in %.1f s (%.0f events/s)%n", sent, sent * 4, elapsed,
				sent / elapsed);
	}

	private static void latency(int dashboardPort, int producerPort, int count) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Long> millis = new ArrayList<>();
		List<Long> acked = new ArrayList<>();
		int missed = 0;
		try (SseClient stream = new SseClient(dashboardPort)) {
			// The stream's first message is the table as it stands; without it there is nothing to time.
			Awaitility.await("the dashboard stream's first deliveries message")
				.atMost(Duration.ofSeconds(30))
				.until(() -> !stream.messages("deliveries").isEmpty());
			for (int i = 0; i < count; i++) {
				long start = System.nanoTime();
				HttpResponse<String> answer = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + producerPort + "/api/events"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"latency.probe\",\"key\":\"probe-" + i + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				acked.add((System.nanoTime() - start) / 1_000_000);
				Matcher id = ID.matcher(answer.body());
				if (!id.find()) {
					throw new IllegalStateException("no id in " + answer.body());
				}
				String eventId = id.group(1);
				AtomicInteger seen = new AtomicInteger();
				boolean streamed;
				try {
					Awaitility.await("event " + eventId + " streamed")
						.atMost(Duration.ofSeconds(10).minusNanos(System.nanoTime() - start))
						.pollDelay(Duration.ZERO)
						.pollInterval(Duration.ofMillis(2))
						.until(() -> {
							List<SseClient.Message> messages = stream.messages("deliveries");
							boolean found = messages.subList(seen.get(), messages.size())
								.stream()
								.anyMatch((m) -> m.data().contains(eventId));
							seen.set(Math.max(0, messages.size() - 1));
							return found;
						});
					streamed = true;
				}
				catch (ConditionTimeoutException ex) {
					streamed = false;
				}
				if (streamed) {
					millis.add((System.nanoTime() - start) / 1_000_000);
				}
				else {
					// Under heavy load a row can leave the table before the next message.
					missed++;
				}
				// Spaces the samples 0.3 to 1 s apart, unevenly, so that they do not fall in step with
				// any periodic work: a pause, not a wait for a condition.
				Thread.sleep(Duration.ofMillis(300 + (i * 137) % 700).toMillis());
			}
		}
		System.out.println("publish answered (202), " + summary(acked));
		System.out.println("publish to row streamed, " + summary(millis) + "; " + missed + " not streamed within 10 s");
	}

	private static String summary(List<Long> millis) {
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		int count = sorted.size();
		if (count == 0) {
			return "no events";
		}
		return String.format("%d events: min %d ms, median %d ms, p90 %d ms, max %d ms", count, sorted.get(0),
				sorted.get(count / 2), sorted.get((int) (count * 0.9)), sorted.get(count - 1));
	}

}
