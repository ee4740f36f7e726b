package dev.kafkapatterns.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.EventHeaders;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes what the services write, straight to Kafka: events as the producer-service publishes
 * them, receipts as the consumers send them, and dead letters with the consumers' headers.
 */
public final class KafkaRecords implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	private final JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>().noTypeInfo();

	public KafkaRecords(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Publishes an event with a new id to partition {@code hash(key) % 6}.
	 * @param type the type
	 * @param key the key
	 * @param payload the payload
	 * @return the event
	 */
	public Event event(String type, String key, Map<String, Object> payload) {
		Event event = new Event(UUID.randomUUID().toString(), type, key, payload, Instant.now());
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("events", key, this.json.serialize("events", event));
		record.headers().add(EventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
		return event;
	}

	/**
	 * Sends a receipt, as a consumer of the group would after processing the event.
	 * @param event the event
	 * @param group the group
	 * @param instance the instance that processed it
	 */
	public void receipt(Event event, String group, String instance) {
		DeliveryReceipt receipt = new DeliveryReceipt(event.id(), group, group, instance, 0, 0, Instant.now());
		this.producer.send(new ProducerRecord<>("event-receipts", event.id(), this.json.serialize("event-receipts", receipt)));
	}

	/**
	 * Sends a dead letter, as the consumers' dead-letter recoverer would.
	 * @param event the event
	 * @param group the group that gave up
	 * @param reason why
	 */
	public void deadLetter(Event event, String group, String reason) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("events.DLT", event.key(),
				this.json.serialize("events.DLT", event));
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
		record.headers().add("dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
		record.headers().add("dlt-original", "events-0@0".getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
	}

	/** Waits until everything sent so far is acknowledged. */
	public void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
