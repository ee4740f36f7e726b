package dev.kafkapatterns.bench.kafka;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;

/**
 * Reads the {@code event-receipts} topic from where it ended when the watcher started, on its own
 * thread, and remembers when each group processed each event ({@code processedAt}, the consumer's
 * own clock, the same machine's clock as the benchmark's). The scenarios ask it whether every
 * group processed all their events, and when.
 */
public final class ReceiptWatcher implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Map<String, EventDeliveries> byEvent = new ConcurrentHashMap<>();

	private final AtomicLong unreadable = new AtomicLong();

	private final Thread poller;

	private volatile boolean running = true;

	private ReceiptWatcher(KafkaConsumer<String, byte[]> consumer) {
		this.consumer = consumer;
		this.poller = new Thread(this::pollUntilClosed, "bench-receipts");
		this.poller.setDaemon(true);
	}

	/**
	 * Starts reading receipts published from now on.
	 * @param bootstrapServers the broker
	 * @param topic the receipts topic
	 * @return the running watcher
	 */
	public static ReceiptWatcher start(String bootstrapServers, String topic) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.CLIENT_ID_CONFIG, "bench-receipts"),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
			partitions.add(new TopicPartition(topic, partition.partition()));
		}
		if (partitions.isEmpty()) {
			consumer.close();
			throw new IllegalStateException("The topic " + topic + " does not exist; is the stack running?");
		}
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		// Resolve the end offsets now, so every receipt published after this call is read.
		partitions.forEach(consumer::position);
		ReceiptWatcher watcher = new ReceiptWatcher(consumer);
		watcher.poller.start();
		return watcher;
	}

	private void pollUntilClosed() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					add(record.value());
				}
			}
		}
		catch (WakeupException ex) {
			// close() asked us to stop.
		}
		finally {
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
		}
	}

	private void add(byte[] value) {
		ReceiptFields receipt = null;
		try {
			receipt = ReceiptFields.read(value);
		}
		catch (JacksonException | DateTimeException ex) {
			// Counted below.
		}
		if (receipt == null) {
			this.unreadable.incrementAndGet();
			return;
		}
		this.byEvent.computeIfAbsent(receipt.eventId(), (id) -> new EventDeliveries())
			.add(receipt.group(), receipt.processedAt());
	}

	/**
	 * Waits until every group has a receipt for every event, or the time runs out.
	 * @param eventIds the events
	 * @param groups the groups that must each process every event
	 * @param timeout how long to wait
	 * @return whether all arrived in time
	 */
	public boolean awaitAll(Collection<String> eventIds, Collection<String> groups, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> ids = List.copyOf(eventIds);
		// Every event must be done, so each pass goes on from the first one that was not: each
		// event is looked at until it is done, and a pass over a backlog still in progress costs
		// one look-up, not one per pending event (that was 4 % of a core in a drain, taken from
		// the system measured on the same cores).
		int done = 0;
		while (true) {
			while (done < ids.size() && processedByAll(ids.get(done), groups)) {
				done++;
			}
			if (done == ids.size()) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
	}

	private boolean processedByAll(String eventId, Collection<String> groups) {
		EventDeliveries deliveries = this.byEvent.get(eventId);
		return deliveries != null && deliveries.processedByAll(groups);
	}

	/**
	 * What one group did with the events.
	 * @param group the group
	 * @param eventIds the events
	 * @return per event, when the group first processed it; and the counts
	 */
	public GroupDeliveries deliveries(String group, Collection<String> eventIds) {
		Map<String, Instant> processedAt = new HashMap<>();
		long duplicates = 0;
		for (String id : eventIds) {
			EventDeliveries deliveries = this.byEvent.get(id);
			if (deliveries != null) {
				int count = deliveries.count(group);
				if (count > 0) {
					processedAt.put(id, deliveries.first(group));
					duplicates += count - 1;
				}
			}
		}
		return new GroupDeliveries(group, eventIds.size(), processedAt, duplicates);
	}

	/** Receipts that were not JSON of the expected shape. */
	public long unreadable() {
		return this.unreadable.get();
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The receipts of one event, by group. */
	private static final class EventDeliveries {

		private final Map<String, Instant> first = new HashMap<>(8);

		private final Map<String, Integer> counts = new HashMap<>(8);

		synchronized void add(String group, Instant processedAt) {
			this.first.merge(group, processedAt, (a, b) -> a.isBefore(b) ? a : b);
			this.counts.merge(group, 1, Integer::sum);
		}

		synchronized boolean processedByAll(Collection<String> groups) {
			return this.first.keySet().containsAll(groups);
		}

		synchronized int count(String group) {
			return this.counts.getOrDefault(group, 0);
		}

		synchronized Instant first(String group) {
			return this.first.get(group);
		}

	}

}
