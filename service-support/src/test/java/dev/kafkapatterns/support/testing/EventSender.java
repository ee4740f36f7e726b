package dev.kafkapatterns.support.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.EventHeaders;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Puts records on the events topic the way the producer-service does (key, JSON envelope, id and
 * type headers), and raw bytes the way a careless client might.
 */
public final class EventSender implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	private final JacksonJsonSerializer<Event> json = new JacksonJsonSerializer<Event>().noTypeInfo();

	private final String topic;

	public EventSender(String bootstrapServers, String topic) {
		this.topic = topic;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends an event with a new id and waits for the acknowledgement.
	 * @param type the type
	 * @param key the key
	 * @param payload the payload
	 * @return the event
	 */
	public Event send(String type, String key, Map<String, Object> payload) {
		return send(new Event(UUID.randomUUID().toString(), type, key, payload, Instant.now()));
	}

	/**
	 * Sends an event as it is (sending one twice simulates a redelivery) and waits for the
	 * acknowledgement.
	 * @param event the event
	 * @return the event
	 */
	public Event send(Event event) {
		String key = event.key();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, key,
				this.json.serialize(this.topic, event));
		record.headers().add(EventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
		sendAndWait(record);
		return event;
	}

	/**
	 * Sends arbitrary bytes, for poison records.
	 * @param key the key
	 * @param value the bytes
	 */
	public void sendRaw(String key, byte[] value) {
		sendAndWait(new ProducerRecord<>(this.topic, key, value));
	}

	private void sendAndWait(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + this.topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
