package dev.kafkapatterns.bench.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one consumer group did with a set of events, from their receipts.
 *
 * @param group the group
 * @param expected how many events it should have processed
 * @param processedAt per event id it processed, when it first did
 * @param duplicates receipts beyond the first per event (at-least-once redeliveries)
 */
public record GroupDeliveries(String group, int expected, Map<String, Instant> processedAt, long duplicates) {

	public GroupDeliveries {
		processedAt = Map.copyOf(processedAt);
	}

	/** Events it processed. */
	public int processed() {
		return this.processedAt.size();
	}

	/** Events it has not processed (yet). */
	public int missing() {
		return this.expected - processed();
	}

	/** When it processed the last of its events. */
	public Optional<Instant> last() {
		return this.processedAt.values().stream().max(Instant::compareTo);
	}

}
