package dev.kafkapatterns.bench.latency;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import dev.kafkapatterns.bench.kafka.GroupDeliveries;
import dev.kafkapatterns.bench.kafka.ReceiptWatcher;
import dev.kafkapatterns.bench.histogram.LatencySummary;
import dev.kafkapatterns.bench.rest.EventsApi;

/**
 * Publish-to-processed latency at a fixed offered rate, open loop: event {@code i} is due at
 * {@code start + i / rate}, is sent then whether or not earlier requests were answered, and its
 * latency is measured from that due time, not from when it could be sent. A system that falls
 * behind therefore shows its queueing delay instead of hiding it (coordinated omission, as wrk2
 * and HdrHistogram correct for it). Each group's latency is its receipt's {@code processedAt}
 * minus the due time. The receipts are read after the last answer, not while the events are offered,
 * so that the benchmark takes no more of the cores it shares with the system than sending does.
 */
public final class OpenLoopLatencyScenario {

	/** Requests in flight at most; past that the sender waits, and the due times keep the cost visible. */
	private static final int MAX_IN_FLIGHT = 256;

	private OpenLoopLatencyScenario() {
	}

	/** The name of the run's step that offers {@code --latency-rate}. */
	public static final String STEP = "latency";

	/**
	 * The name of the run's step that offers one more rate of {@code --latency-sweep}; the first
	 * rate's step is {@link #STEP}.
	 * @param rate events per second offered
	 * @return for example {@code latency at 250/s}
	 */
	public static String sweepStep(double rate) {
		return STEP + " at " + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString() + "/s";
	}

	/**
	 * Runs the scenario.
	 * @param api the producer-service
	 * @param receipts the receipt reader, started before publishing; it reads once the events were answered
	 * @param groups the groups that must each process every event
	 * @param rate events per second offered
	 * @param warmUp how long the same rate is offered first, unmeasured, so that neither the
	 * services nor this client are still compiling their hot paths when the measured events are due
	 * @param duration how long they are offered
	 * @param timeout how long the groups get to process them after the last was sent
	 * @return per group, the latency percentiles
	 */
	public static LatencyResult run(EventsApi api, ReceiptWatcher receipts, List<String> groups, double rate,
			Duration warmUp, Duration duration, Duration timeout) throws InterruptedException {
		if (!warmUp.isZero()) {
			Offered warm = receipts.readingAfter(() -> offer(api, rate, warmUp, "bench.latency-warmup"));
			receipts.awaitAll(warm.dueMicros().keySet(), groups, timeout);
		}
		// While the events are offered, the benchmark only sends them; it reads the receipts once
		// every answer is in (ReceiptWatcher.readingAfter).
		Offered offered = receipts.readingAfter(() -> offer(api, rate, duration, "bench.latency"));
		Map<String, Long> dueMicros = offered.dueMicros();
		boolean complete = receipts.awaitAll(dueMicros.keySet(), groups, timeout);
		List<GroupLatency> latencies = new ArrayList<>();
		for (String group : groups) {
			GroupDeliveries deliveries = receipts.deliveries(group, dueMicros.keySet());
			Histogram histogram = LatencySummary.newHistogram();
			deliveries.processedAt().forEach((id, processedAt) -> LatencySummary.record(histogram,
					processedAt.getEpochSecond() * 1_000_000L + processedAt.getNano() / 1000 - dueMicros.get(id)));
			latencies.add(new GroupLatency(group, deliveries.processed(), deliveries.missing(), deliveries.duplicates(),
					LatencySummary.of(histogram)));
		}
		Map<Integer, Long> errorStatuses = new TreeMap<>();
		offered.errors().forEach((status, n) -> errorStatuses.put(status, n.get()));
		long errorCount = errorStatuses.values().stream().mapToLong(Long::longValue).sum();
		return new LatencyResult(rate, duration.toMillis() / 1000.0, offered.count(), errorCount, errorStatuses,
				offered.count() / offered.sendSeconds(), LatencySummary.of(offered.publish()), complete, latencies);
	}

	/** Offers events at the rate for the duration and waits for every answer. */
	private static Offered offer(EventsApi api, double rate, Duration duration, String type)
			throws InterruptedException {
		int count = (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
		double intervalNanos = 1e9 / rate;
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		Histogram publish = LatencySummary.newHistogram();
		Map<String, Long> dueMicros = new ConcurrentHashMap<>();
		Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
		List<CompletableFuture<?>> answers = new ArrayList<>(count);
		Instant wallStart = Instant.now().plusMillis(50);
		long startNanos = System.nanoTime() + 50_000_000L;
		long wallStartMicros = wallStart.getEpochSecond() * 1_000_000L + wallStart.getNano() / 1000;
		for (int i = 0; i < count; i++) {
			long offset = (long) (i * intervalNanos);
			long due = startNanos + offset;
			long dueWallMicros = wallStartMicros + offset / 1000;
			for (long wait; (wait = due - System.nanoTime()) > 0;) {
				LockSupport.parkNanos(wait);
			}
			inFlight.acquire();
			Map<String, Object> event = EventsApi.event(type, "latency-" + i, Map.of("n", i, "workMs", 0));
			answers.add(api.sendAsync(event).whenComplete((response, failure) -> {
				try {
					synchronized (publish) {
						LatencySummary.record(publish, (System.nanoTime() - due) / 1000);
					}
					accept(response, failure, dueWallMicros, dueMicros, errors);
				}
				finally {
					inFlight.release();
				}
			}));
		}
		double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
		answers.forEach((answer) -> answer.exceptionally((failure) -> null).join());
		return new Offered(count, sendSeconds, publish, dueMicros, errors);
	}

	/**
	 * What one offering sent and got back.
	 *
	 * @param count events sent
	 * @param sendSeconds how long sending took
	 * @param publish due time to the answer
	 * @param dueMicros the due time of each accepted event, by id
	 * @param errors answers other than 202, by status (0 for none)
	 */
	private record Offered(int count, double sendSeconds, Histogram publish, Map<String, Long> dueMicros,
			Map<Integer, AtomicLong> errors) {
	}

	/** Remembers an accepted event's due time; counts any other answer by status, 0 for none. */
	private static void accept(EventsApi.Answer response, Throwable failure, long dueWallMicros,
			Map<String, Long> dueMicros, Map<Integer, AtomicLong> errors) {
		int status = (failure != null) ? 0 : response.statusCode();
		try {
			if (status == 202) {
				dueMicros.put(EventsApi.accepted(response.body()).id(), dueWallMicros);
				return;
			}
		}
		catch (RuntimeException ex) {
			// A 202 without an id: counted with the errors below.
		}
		errors.computeIfAbsent(status, (s) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * Latency at a fixed offered rate.
	 *
	 * @param offeredPerSecond the rate events were due at
	 * @param seconds how long they were offered
	 * @param sent events sent
	 * @param errors events not accepted with 202
	 * @param errorStatuses those by status code, 0 for no answer at all (a 503 is the API's answer to a
	 * broker that did not acknowledge in time)
	 * @param sentPerSecond the rate the sender managed; below the offered rate when the API fell behind
	 * @param publish due time to the 202 answer
	 * @param complete whether every group processed every accepted event in time
	 * @param groups per group, due time to processed
	 */
	public record LatencyResult(double offeredPerSecond, double seconds, int sent, long errors,
			Map<Integer, Long> errorStatuses, double sentPerSecond,
			LatencySummary publish, boolean complete, List<GroupLatency> groups) {

		public LatencyResult {
			// Sorted by status; empty in a results.json written before statuses were recorded.
			errorStatuses = Collections.unmodifiableMap(new TreeMap<>((errorStatuses != null) ? errorStatuses : Map.of()));
		}

	}

	/**
	 * One group's publish-to-processed latency.
	 *
	 * @param group the group
	 * @param processed events it processed
	 * @param missing accepted events it had not processed when the time ran out (not in the percentiles)
	 * @param duplicates receipts beyond one per event
	 * @param latency due time to its receipt's processedAt
	 */
	public record GroupLatency(String group, int processed, int missing, long duplicates, LatencySummary latency) {
	}

}
