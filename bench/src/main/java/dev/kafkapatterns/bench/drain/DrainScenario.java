package dev.kafkapatterns.bench.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kafkapatterns.bench.kafka.EventWriter;
import dev.kafkapatterns.bench.kafka.GroupAdmin;
import dev.kafkapatterns.bench.kafka.GroupDeliveries;
import dev.kafkapatterns.bench.kafka.ReceiptWatcher;
import dev.kafkapatterns.bench.rest.EventsApi;

/**
 * Drain: write a backlog of events with no simulated work ({@code workMs: 0}) straight to the
 * topic, complete within a fraction of a second, then wait until every group has a receipt for
 * every one. A group's rate is the backlog divided by the time from the first write to its last
 * receipt ({@code processedAt}, stamped by its consumer): the consumers' speed, not the REST API's.
 *
 * <p>While the groups drain, the benchmark reads no receipt: it waits until the receipts topic
 * holds as many new records as it expects receipts, asking the broker for the end offsets, and
 * reads them after that. Reading them as they came took about a third of a core (some 20,000
 * receipts a second) from the system it measures, on the same two cores; when a receipt is read
 * changes no figure ({@link ReceiptWatcher#readingAfter}).
 */
public final class DrainScenario {

	private static final int BATCH = 1000;

	/**
	 * How long the reader gets to read the receipts that waited on the topic, even once the time
	 * for the drain has run out: a group that never finishes must not leave the others unread.
	 * (The groups' times come from their receipts either way.)
	 */
	private static final Duration CATCH_UP = Duration.ofSeconds(10);

	private DrainScenario() {
	}

	/**
	 * Runs the scenario.
	 * @param writer writes the backlog to the events topic
	 * @param receipts the receipt reader, started before writing
	 * @param admin asks the broker how many receipts were written
	 * @param groups the groups that must each process every event
	 * @param events the size of the backlog
	 * @param timeout how long the groups get to process it all
	 * @return per group, how long it took
	 */
	public static DrainResult run(EventWriter writer, ReceiptWatcher receipts, GroupAdmin admin, List<String> groups,
			int events, Duration timeout) throws InterruptedException {
		List<String> keys = new ArrayList<>(events);
		for (int n = 0; n < events; n++) {
			keys.add("drain-" + n);
		}
		// Made before the clock starts: the backlog exists, the groups are timed on processing it.
		EventWriter.Backlog backlog = writer.prepare("bench.drain", keys, (n) -> Map.of("n", n, "workMs", 0));
		// One receipt per event and group once all is done: redeliveries make more, never fewer.
		long receiptsWhenDone = admin.endOffsets(receipts.topic()) + (long) events * groups.size();
		Instant start = Instant.now();
		long deadline = System.nanoTime() + timeout.toNanos();
		Written written = receipts.readingAfter(() -> {
			List<String> ids = writer.write(backlog);
			double publishSeconds = seconds(start, Instant.now());
			admin.awaitEndOffsets(receipts.topic(), receiptsWhenDone, deadline);
			return new Written(ids, publishSeconds);
		});
		List<String> ids = written.ids();
		boolean complete = receipts.awaitAll(ids, groups,
				Duration.ofNanos(Math.max(deadline - System.nanoTime(), CATCH_UP.toNanos())));
		Instant end = Instant.now();
		List<GroupDrain> drains = new ArrayList<>();
		for (String group : groups) {
			GroupDeliveries deliveries = receipts.deliveries(group, ids);
			double took = seconds(start, deliveries.last().orElse(end));
			drains.add(new GroupDrain(group, deliveries.processed(), deliveries.missing(), deliveries.duplicates(), took,
					(took > 0) ? deliveries.processed() / took : 0));
		}
		return new DrainResult(events, written.publishSeconds(), complete, drains);
	}

	/**
	 * Warms up both ways in: events through the API's batch endpoint and as many through the
	 * writer, then waits until every group processed them all. Not measured.
	 * @return whether every group processed every event in time
	 */
	public static boolean warmUp(EventsApi api, EventWriter writer, ReceiptWatcher receipts, List<String> groups,
			int events, Duration timeout) throws InterruptedException {
		List<String> ids = new ArrayList<>(2 * events);
		List<String> keys = new ArrayList<>(events);
		for (int first = 0; first < events; first += BATCH) {
			List<Map<String, Object>> batch = new ArrayList<>(BATCH);
			for (int n = first; n < Math.min(events, first + BATCH); n++) {
				batch.add(EventsApi.event("bench.warmup", "warmup-" + n, Map.of("n", n, "workMs", 0)));
				keys.add("warmup-written-" + n);
			}
			api.publishBatch(batch).forEach((accepted) -> ids.add(accepted.id()));
		}
		ids.addAll(writer.write("bench.warmup", keys, (n) -> Map.of("n", n, "workMs", 0)));
		return receipts.awaitAll(ids, groups, timeout);
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

	/** The backlog's events, and how long writing them took. */
	private record Written(List<String> ids, double publishSeconds) {
	}

	/**
	 * The drain of one backlog.
	 *
	 * @param events the backlog
	 * @param publishSeconds how long writing it took, acknowledgements included
	 * @param complete whether every group processed every event in time
	 * @param groups per group, how long it took
	 */
	public record DrainResult(int events, double publishSeconds, boolean complete, List<GroupDrain> groups) {
	}

	/**
	 * How one group drained the backlog.
	 *
	 * @param group the group
	 * @param processed events it processed
	 * @param missing events it had not processed when the time ran out
	 * @param duplicates receipts beyond one per event
	 * @param seconds from the first write to its last receipt
	 * @param eventsPerSecond processed divided by seconds
	 */
	public record GroupDrain(String group, int processed, int missing, long duplicates, double seconds,
			double eventsPerSecond) {
	}

}
