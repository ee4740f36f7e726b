package dev.kafkapatterns.bench.rest;

import java.util.Map;

import dev.kafkapatterns.bench.histogram.LatencySummary;

/**
 * What one REST publishing workload measured.
 *
 * @param name the workload, for example {@code single event}
 * @param concurrency connections, each with one request in flight
 * @param eventsPerRequest events in each request
 * @param seconds the measured time, after the warm-up
 * @param requests requests answered in the measured time
 * @param errors requests not answered with 202
 * @param requestsPerSecond 202 answers per second
 * @param eventsPerSecond events accepted per second
 * @param latency request latency, sending to the whole answer
 * @param statuses answers by status code
 * @param failures requests that got no answer at all (connection errors, time-outs)
 */
public record RestResult(String name, int concurrency, int eventsPerRequest, double seconds, long requests,
		long errors, double requestsPerSecond, double eventsPerSecond, LatencySummary latency,
		Map<Integer, Long> statuses, long failures) {
}
