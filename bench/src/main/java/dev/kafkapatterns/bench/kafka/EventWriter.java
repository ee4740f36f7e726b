package dev.kafkapatterns.bench.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.EventHeaders;

/**
 * Writes a backlog straight to the {@code events} topic, as the producer-service would write it:
 * the same JSON envelope, key, timestamp and headers, {@code acks=all}, idempotent, compressed with
 * lz4 (so the consumers decompress what they read, as they do in use). A backlog
 * written this way is complete in a fraction of a second, so the time until every group has
 * processed it measures the consumers, not the REST API (which has a scenario of its own).
 */
public final class EventWriter implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	private final String topic;

	public EventWriter(String bootstrapServers, String topic) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
				ProducerConfig.CLIENT_ID_CONFIG, "bench-backlog"),
				new StringSerializer(), new ByteArraySerializer());
		this.topic = topic;
		// Connect and load the topic's metadata now, so that the first write is not slower than the rest.
		this.producer.partitionsFor(topic);
	}

	/**
	 * Writes one event per key and waits until the broker acknowledged every one.
	 * @param type the events' type
	 * @param keys one key per event, in order
	 * @param payload the payload of event {@code i}
	 * @return the event ids, in order
	 * @throws IllegalStateException when the broker did not acknowledge them all within a minute
	 */
	public List<String> write(String type, List<String> keys, IntFunction<Map<String, Object>> payload)
			throws InterruptedException {
		return write(prepare(type, keys, payload));
	}

	/**
	 * Makes the records of a backlog (ids, JSON, headers) without sending them, so that a scenario
	 * can write a backlog without spending its measured time, and the cores it shares with the
	 * system, on making it.
	 * @param type the events' type
	 * @param keys one key per event, in order
	 * @param payload the payload of event {@code i}
	 * @return the records, to hand to {@link #write(Backlog)}
	 */
	public Backlog prepare(String type, List<String> keys, IntFunction<Map<String, Object>> payload) {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(keys.size());
		List<String> ids = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			Event event = new Event(UUID.randomUUID().toString(), type, keys.get(i), payload.apply(i), Instant.now());
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, null,
					event.occurredAt().toEpochMilli(), event.key(), JSON.writeValueAsBytes(event));
			record.headers().add(EventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
			record.headers().add(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
			records.add(record);
			ids.add(event.id());
		}
		return new Backlog(List.copyOf(records), List.copyOf(ids));
	}

	/**
	 * Sends a prepared backlog and waits until the broker acknowledged every event.
	 * @param backlog the records, from {@link #prepare}
	 * @return the event ids, in order
	 * @throws IllegalStateException when the broker did not acknowledge them all within a minute
	 */
	public List<String> write(Backlog backlog) throws InterruptedException {
		List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(backlog.records().size());
		for (ProducerRecord<String, byte[]> record : backlog.records()) {
			acknowledgements.add(this.producer.send(record));
		}
		this.producer.flush();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		try {
			for (Future<RecordMetadata> acknowledgement : acknowledgements) {
				acknowledgement.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The broker refused a backlog event: " + ex.getCause().getMessage(), ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The broker did not acknowledge the backlog within a minute", ex);
		}
		return backlog.ids();
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
	}

	/**
	 * Events made and not yet sent.
	 *
	 * @param records one record per event, in order
	 * @param ids the events' ids, in the same order
	 */
	public record Backlog(List<ProducerRecord<String, byte[]>> records, List<String> ids) {
	}

}
