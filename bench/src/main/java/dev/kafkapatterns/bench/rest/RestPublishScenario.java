package dev.kafkapatterns.bench.rest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import dev.kafkapatterns.bench.histogram.LatencySummary;

/**
 * REST publishing at a fixed concurrency, closed loop as wrk does it: each of N connections sends
 * a request, waits for the answer, and sends the next. After a warm-up it counts the answers and
 * records each request's latency in an HdrHistogram. Every answer other than 202 is an error.
 */
public final class RestPublishScenario {

	private final EventsApi api;

	private final RestSettings settings;

	public RestPublishScenario(EventsApi api, RestSettings settings) {
		this.api = api;
		this.settings = settings;
	}

	/** One event per request, at the single-event concurrency. */
	public RestResult single() throws InterruptedException {
		return run("single event", this.settings.singleConcurrency(), 1);
	}

	/** A batch per request, at the batch concurrency. */
	public RestResult batch() throws InterruptedException {
		return run("batch of " + this.settings.batchSize(), this.settings.batchConcurrency(), this.settings.batchSize());
	}

	private RestResult run(String name, int concurrency, int eventsPerRequest) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + this.settings.warmup().toNanos();
		long measureUntil = measureFrom + this.settings.duration().toNanos();
		AtomicLong counter = new AtomicLong();
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		AtomicLong failures = new AtomicLong();
		List<Histogram> histograms = new ArrayList<>();
		List<Thread> connections = new ArrayList<>();
		for (int c = 0; c < concurrency; c++) {
			Histogram histogram = LatencySummary.newHistogram();
			histograms.add(histogram);
			Thread connection = new Thread(() -> {
				long now;
				while ((now = System.nanoTime()) < measureUntil) {
					Integer status = send(eventsPerRequest, counter);
					long done = System.nanoTime();
					if (now >= measureFrom && done <= measureUntil) {
						LatencySummary.record(histogram, (done - now) / 1000);
						if (status == null) {
							failures.incrementAndGet();
						}
						else {
							statuses.computeIfAbsent(status, (s) -> new AtomicLong()).incrementAndGet();
						}
					}
				}
			}, "bench-rest-" + c);
			connections.add(connection);
			connection.start();
		}
		for (Thread connection : connections) {
			connection.join();
		}
		Histogram all = LatencySummary.newHistogram();
		histograms.forEach(all::add);
		Map<Integer, Long> byStatus = new TreeMap<>();
		statuses.forEach((status, count) -> byStatus.put(status, count.get()));
		long accepted = byStatus.getOrDefault(202, 0L);
		long errors = all.getTotalCount() - accepted;
		double seconds = this.settings.duration().toNanos() / 1e9;
		return new RestResult(name, concurrency, eventsPerRequest, seconds, all.getTotalCount(), errors,
				accepted / seconds, accepted * eventsPerRequest / seconds, LatencySummary.of(all), byStatus,
				failures.get());
	}

	/** Sends one request; the status code, or null when it failed without an answer. */
	private Integer send(int eventsPerRequest, AtomicLong counter) {
		try {
			EventsApi.Answer response;
			if (eventsPerRequest == 1) {
				response = this.api.send(event(counter.incrementAndGet()));
			}
			else {
				List<Map<String, Object>> events = new ArrayList<>(eventsPerRequest);
				for (int i = 0; i < eventsPerRequest; i++) {
					events.add(event(counter.incrementAndGet()));
				}
				response = this.api.sendBatch(events);
			}
			return response.statusCode();
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The same small event as bench/post-event.lua: a varying key, no simulated work. */
	private static Map<String, Object> event(long n) {
		return EventsApi.event("bench.event", "customer-" + (n % 1000), Map.of("n", n, "workMs", 0));
	}

	/**
	 * How the REST scenarios run.
	 *
	 * @param singleConcurrency connections for single events
	 * @param batchConcurrency connections for batches
	 * @param batchSize events per batch
	 * @param warmup time before measuring
	 * @param duration time measured
	 */
	public record RestSettings(int singleConcurrency, int batchConcurrency, int batchSize, Duration warmup,
			Duration duration) {
	}

}
