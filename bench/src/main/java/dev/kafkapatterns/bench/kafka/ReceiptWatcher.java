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
import java.util.concurrent.locks.LockSupport;

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

	/** How often a deferred reader looks whether it may read again. */
	private static final long DEFERRED_CHECK_NANOS = 20_000_000L;

	private final KafkaConsumer<String, byte[]> consumer;

	private final String topic;

	private final Map<String, EventDeliveries> byEvent = new ConcurrentHashMap<>();

	private final AtomicLong unreadable = new AtomicLong();

	private final Thread poller;

	private volatile boolean running = true;

	private volatile boolean deferred;

	/** Set by the reader's thread once it has stopped reading for {@link #readingAfter}. */
	private volatile boolean idle;

	private ReceiptWatcher(KafkaConsumer<String, byte[]> consumer, String topic) {
		this.consumer = consumer;
		this.topic = topic;
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
		ReceiptWatcher watcher = new ReceiptWatcher(consumer, topic);
		watcher.poller.start();
		return watcher;
	}

	private void pollUntilClosed() {
		try {
			while (this.running) {
				if (this.deferred) {
					this.idle = true;
					LockSupport.parkNanos(DEFERRED_CHECK_NANOS);
					continue;
				}
				this.idle = false;
				try {
					for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
						add(record.value());
					}
				}
				catch (WakeupException ex) {
					// readingAfter or close() cut the poll short; the records it fetched stay buffered.
				}
			}
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

	/** The topic it reads. */
	public String topic() {
		return this.topic;
	}

	/**
	 * Does the work without reading receipts; they wait on the topic and are read afterwards, from
	 * where the reader stopped. A group's {@code processedAt} is stamped by its consumer, so when a
	 * receipt is read changes no figure. Reading while a scenario offers load would take the
	 * benchmark's own CPU from the system it measures on the same cores: at 1,000 events/s the
	 * reader was a third of this process's CPU, about a tenth of a core (4,000 receipts a second).
	 * @param work what to do meanwhile
	 * @return what the work returned
	 */
	public <T> T readingAfter(Work<T> work) throws InterruptedException {
		this.deferred = true;
		// A poll in progress could still return receipts: cut it short, and start the work only
		// once the reader has stopped.
		this.consumer.wakeup();
		while (!this.idle && this.poller.isAlive()) {
			LockSupport.parkNanos(1_000_000L);
		}
		try {
			return work.run();
		}
		finally {
			this.deferred = false;
		}
	}

	/**
	 * Work that may be interrupted.
	 * @param <T> its result
	 */
	@FunctionalInterface
	public interface Work<T> {

		T run() throws InterruptedException;

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
