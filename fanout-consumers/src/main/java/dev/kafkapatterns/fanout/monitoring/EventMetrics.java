package dev.kafkapatterns.fanout.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.kafkapatterns.model.Event;

/**
 * Counts events per type ({@code events.received}) and measures how long after acceptance they
 * arrive ({@code events.latency}). The number of type tags is bounded: types past the limit are
 * counted as {@code other}.
 */
class EventMetrics {

	static final String OTHER = "other";

	private final MeterRegistry registry;

	private final int maxTypes;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Timer latency;

	private final Map<String, LongAdder> sinceSummary = new ConcurrentHashMap<>();

	private final AtomicLong maxLatencyMillisSinceSummary = new AtomicLong();

	private final LongAdder total = new LongAdder();

	EventMetrics(MeterRegistry registry, int maxTypes) {
		this.registry = registry;
		this.maxTypes = maxTypes;
		this.latency = Timer.builder("events.latency")
			.description("Time from acceptance by the producer-service to processing by monitoring")
			.publishPercentileHistogram()
			.register(registry);
	}

	/**
	 * Counts one event.
	 * @param event the event
	 * @param now when it was processed
	 * @return the tag it was counted under: its type, or {@code other}
	 */
	String record(Event event, Instant now) {
		String tag = tagFor(event.type());
		this.counters.computeIfAbsent(tag,
				(type) -> Counter.builder("events.received")
					.description("Events seen by the monitoring role, by type")
					.tag("type", type)
					.register(this.registry))
			.increment();
		this.sinceSummary.computeIfAbsent(tag, (type) -> new LongAdder()).increment();
		this.total.increment();
		Duration lag = Duration.between(event.occurredAt(), now);
		if (!lag.isNegative()) {
			this.latency.record(lag);
			this.maxLatencyMillisSinceSummary.accumulateAndGet(lag.toMillis(), Math::max);
		}
		return tag;
	}

	private String tagFor(String type) {
		if (this.counters.containsKey(type) || this.counters.size() < this.maxTypes) {
			return type;
		}
		return OTHER;
	}

	/**
	 * Takes the counts since the last summary and starts counting anew.
	 * @return the summary
	 */
	Summary drainSummary() {
		Map<String, Long> byType = new TreeMap<>();
		this.sinceSummary.forEach((type, count) -> {
			long value = count.sumThenReset();
			if (value > 0) {
				byType.put(type, value);
			}
		});
		long count = byType.values().stream().mapToLong(Long::longValue).sum();
		return new Summary(count, this.total.sum(), byType, this.maxLatencyMillisSinceSummary.getAndSet(0));
	}

	/**
	 * Events since the last summary.
	 *
	 * @param count events since the last summary
	 * @param total events since start
	 * @param byType events since the last summary, per type
	 * @param maxLatencyMillis the longest latency since the last summary
	 */
	record Summary(long count, long total, Map<String, Long> byType, long maxLatencyMillis) {

		String describeTypes() {
			return this.byType.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining(", "));
		}

	}

}
