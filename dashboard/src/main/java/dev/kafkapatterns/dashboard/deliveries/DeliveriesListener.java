package dev.kafkapatterns.dashboard.deliveries;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.dashboard.DashboardProperties;
import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the events, the delivery receipts and the dead letters into the {@link DeliveryBoard}.
 *
 * <p>The group id is unique per instance, so every dashboard sees everything (fanout again), and
 * it never commits: at start it reads back a little of each partition, enough to fill the table,
 * and it leaves nothing behind when it stops. Values are read as bytes and parsed here, so a
 * record of any shape is shown or skipped, never retried.
 */
@Component
class DeliveriesListener extends AbstractConsumerSeekAware {

	/** The dead-letter header that names the group that gave up (Spring Kafka's). */
	static final String DEAD_LETTER_GROUP = KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP;

	/** The dead-letter header that says why (ours, see {@code EventConsumerConfiguration}). */
	static final String DEAD_LETTER_REASON = "dlt-reason";

	/** The dead-letter header that says where the record came from, as text. */
	static final String DEAD_LETTER_ORIGIN = "dlt-original";

	/** Each event has up to one receipt per group, so receipts need a longer look back. */
	private static final int RECEIPTS_PER_EVENT = 8;

	private final DeliveryBoard board;

	private final JsonMapper json;

	private final TopicsProperties topics;

	private final int replay;

	private final Counter unreadable;

	DeliveriesListener(DeliveryBoard board, JsonMapper json, TopicsProperties topics, DashboardProperties properties,
			MeterRegistry meterRegistry) {
		this.board = board;
		this.json = json;
		this.topics = topics;
		this.replay = properties.deliveries().maxRows();
		this.unreadable = meterRegistry.counter("dashboard.records.unreadable");
	}

	@KafkaListener(id = "dashboard", groupId = "dashboard-${app.instance-id}", batch = "true",
			topics = { "${app.topics.events}", "${app.topics.receipts}", "${app.topics.dead-letter}" })
	void on(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				continue;
			}
			if (record.topic().equals(this.topics.events())) {
				onEvent(record);
			}
			else if (record.topic().equals(this.topics.receipts())) {
				onReceipt(record);
			}
			else {
				onDeadLetter(record);
			}
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		// Read back enough of each partition to fill the table at once; nothing is committed,
		// so this happens at every start.
		for (TopicPartition partition : assignments.keySet()) {
			int lookBack = partition.topic().equals(this.topics.receipts()) ? this.replay * RECEIPTS_PER_EVENT
					: this.replay;
			callback.seekRelative(partition.topic(), partition.partition(), -lookBack, false);
		}
	}

	private void onEvent(ConsumerRecord<String, byte[]> record) {
		Event event = readEvent(record.value());
		if (event == null) {
			this.unreadable.increment();
			return;
		}
		this.board.onEvent(event.id(), event.type(), event.key(), payloadText(event), record.partition(),
				record.offset(), event.occurredAt());
	}

	private void onReceipt(ConsumerRecord<String, byte[]> record) {
		try {
			DeliveryReceipt receipt = this.json.readValue(record.value(), DeliveryReceipt.class);
			if (receipt.group() != null) {
				this.board.onReceipt(receipt);
				return;
			}
		}
		catch (JacksonException ex) {
			// counted below
		}
		this.unreadable.increment();
	}

	private void onDeadLetter(ConsumerRecord<String, byte[]> record) {
		String origin = header(record, DEAD_LETTER_ORIGIN);
		Event event = readEvent(record.value());
		DeliveryBoard.DeadLetteredEvent described;
		String id;
		if (event != null) {
			id = event.id();
			described = new DeliveryBoard.DeadLetteredEvent(event.type(), event.key(), payloadText(event));
		}
		else {
			// A poison record has no event id: its origin names it.
			id = (origin != null) ? "unreadable record " + origin
					: "unreadable record " + record.topic() + "-" + record.partition() + "@" + record.offset();
			described = new DeliveryBoard.DeadLetteredEvent(null, record.key(),
					new String(record.value(), StandardCharsets.UTF_8));
		}
		this.board.onDeadLetter(id, header(record, DEAD_LETTER_GROUP), header(record, DEAD_LETTER_REASON), origin,
				Instant.ofEpochMilli(record.timestamp()), described);
	}

	private Event readEvent(byte[] value) {
		try {
			return this.json.readValue(value, Event.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	private String payloadText(Event event) {
		return event.payload().isEmpty() ? null : this.json.writeValueAsString(event.payload());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
