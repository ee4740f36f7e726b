package dev.kafkapatterns.support.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.kafkapatterns.model.DeliveryReceipt;

import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Everything on the receipts topic, read from the beginning by a plain Kafka consumer without a
 * group, so tests can count who processed what.
 */
public final class ReceiptLog implements AutoCloseable {

	private final KafkaConsumer<String, DeliveryReceipt> consumer;

	private final List<DeliveryReceipt> receipts = new ArrayList<>();

	public ReceiptLog(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringDeserializer(), new JacksonJsonDeserializer<>(DeliveryReceipt.class, false));
		WholeTopic.assignFromBeginning(this.consumer, topic);
	}

	/**
	 * Reads what arrived since the last call.
	 * @return every receipt read so far
	 */
	public synchronized List<DeliveryReceipt> all() {
		for (ConsumerRecord<String, DeliveryReceipt> record : this.consumer.poll(Duration.ofMillis(300))) {
			this.receipts.add(record.value());
		}
		return List.copyOf(this.receipts);
	}

	/**
	 * The receipts of one group.
	 * @param group the consumer group
	 * @return its receipts so far
	 */
	public List<DeliveryReceipt> ofGroup(String group) {
		return all().stream().filter((receipt) -> receipt.group().equals(group)).toList();
	}

	/**
	 * How many receipts each event id has in one group.
	 * @param group the consumer group
	 * @return receipts per event id
	 */
	public Map<String, Long> countsPerEvent(String group) {
		return ofGroup(group).stream()
			.collect(Collectors.groupingBy(DeliveryReceipt::eventId, Collectors.counting()));
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
