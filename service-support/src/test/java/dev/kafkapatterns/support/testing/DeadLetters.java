package dev.kafkapatterns.support.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.kafkapatterns.support.delivery.DeadLetterHeaders;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topic, read from the beginning by a plain consumer without a group.
 */
public final class DeadLetters implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<DeadLetter> read = new ArrayList<>();

	public DeadLetters(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringDeserializer(), new ByteArrayDeserializer());
		WholeTopic.assignFromBeginning(this.consumer, topic);
	}

	/**
	 * Reads what arrived since the last call.
	 * @return every dead letter read so far
	 */
	public synchronized List<DeadLetter> all() {
		for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
			this.read.add(new DeadLetter(record.key(), new String(record.value(), StandardCharsets.UTF_8),
					header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
					offset(record), header(record, DeadLetterHeaders.REASON),
					header(record, DeadLetterHeaders.ORIGIN)));
		}
		return List.copyOf(this.read);
	}

	/**
	 * The dead letters of records with a key.
	 * @param key the original record's key
	 * @return its dead letters so far, one per group that gave up on it
	 */
	public List<DeadLetter> withKey(String key) {
		return all().stream().filter((letter) -> key.equals(letter.key())).toList();
	}

	private static Long offset(ConsumerRecord<?, ?> record) {
		Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		return (offset != null) ? ByteBuffer.wrap(offset.value()).getLong() : null;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * One record of the dead-letter topic.
	 *
	 * @param key the original key
	 * @param value the original value, as text
	 * @param group the consumer group that gave up
	 * @param originalTopic where the record came from
	 * @param originalOffset its offset there
	 * @param reason why processing failed
	 * @param origin where it came from, as text: {@code events-3@1207}
	 */
	public record DeadLetter(String key, String value, String group, String originalTopic, Long originalOffset,
			String reason, String origin) {
	}

}
