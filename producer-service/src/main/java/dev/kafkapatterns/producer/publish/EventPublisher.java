package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.EventHeaders;
import dev.kafkapatterns.producer.publish.EventOutcome.Status;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes events to the events topic. Each event is serialized once, checked against the
 * producer's {@code max.request.size} before anything is sent, sent without waiting, and then
 * all acknowledgements are awaited together, for at most {@code app.publish.ack-timeout}. No
 * thread waits meanwhile: the answer completes when the last acknowledgement or the deadline
 * comes.
 */
@Component
public class EventPublisher {

	private final KafkaTemplate<String, byte[]> template;

	private final ObjectWriter writer;

	private final String topic;

	private final Duration ackTimeout;

	private final int maxRecordSize;

	private final MeterRegistry meterRegistry;

	private final Timer acknowledgedTimer;

	private final Timer unavailableTimer;

	private final Counter acknowledgedEvents;

	private final Counter unavailableEvents;

	private final Counter tooLargeEvents;

	EventPublisher(KafkaTemplate<String, byte[]> template, JsonMapper json, TopicsProperties topics,
			PublishProperties publish, MeterRegistry meterRegistry) {
		this.template = template;
		this.writer = json.writerFor(Event.class);
		this.topic = topics.events();
		this.ackTimeout = publish.ackTimeout();
		Object maxRequestSize = template.getProducerFactory().getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
		this.maxRecordSize = (maxRequestSize != null) ? Integer.parseInt(maxRequestSize.toString())
				: (Integer) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
		this.meterRegistry = meterRegistry;
		// Looked up once: a meter lookup per request hashes its name and tags every time.
		this.acknowledgedTimer = meterRegistry.timer("events.publish", "outcome", "acknowledged");
		this.unavailableTimer = meterRegistry.timer("events.publish", "outcome", "unavailable");
		this.acknowledgedEvents = meterRegistry.counter("events.published", "outcome", "acknowledged");
		this.unavailableEvents = meterRegistry.counter("events.published", "outcome", "unavailable");
		this.tooLargeEvents = meterRegistry.counter("events.published", "outcome", "too-large");
	}

	/**
	 * Serializes the events, refusing the whole request if one of them is too large to send.
	 * @param events the events, all valid
	 * @return the records to {@link #send}
	 * @throws EventTooLargeException when an event is larger than the producer may send
	 */
	List<ProducerRecord<String, byte[]>> records(List<Event> events) {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			Event event = events.get(i);
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, null,
					event.occurredAt().toEpochMilli(), event.key(), this.writer.writeValueAsBytes(event));
			record.headers().add(EventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
			record.headers().add(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
			// The producer's own check, done before the first send so that nothing is half published.
			int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
					CompressionType.NONE, event.key().getBytes(StandardCharsets.UTF_8), record.value(),
					record.headers().toArray());
			if (size > this.maxRecordSize) {
				this.tooLargeEvents.increment(events.size());
				throw new EventTooLargeException(i, size, this.maxRecordSize);
			}
			records.add(record);
		}
		return records;
	}

	/**
	 * Sends the records in order and completes when every one is acknowledged or the ack timeout
	 * has passed.
	 * @param records the records, from {@link #records}
	 * @return what became of each record, in order; never completes exceptionally
	 */
	CompletableFuture<List<Sent>> send(List<ProducerRecord<String, byte[]>> records) {
		Timer.Sample sample = Timer.start(this.meterRegistry);
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
		for (ProducerRecord<String, byte[]> record : records) {
			CompletableFuture<SendResult<String, byte[]>> send = sendOne(record, deadline);
			sends.add(send);
			if (send.isCompletedExceptionally()) {
				// Not even appended (no metadata within max.block.ms): the rest would wait for the same broker.
				while (sends.size() < records.size()) {
					sends.add(CompletableFuture.failedFuture(new NotSentException()));
				}
				break;
			}
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
			.exceptionally((ex) -> null)
			.completeOnTimeout(null, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		return all.thenApply((ignored) -> {
			List<Sent> sent = sends.stream().map(EventPublisher::sent).toList();
			long acknowledged = sent.stream().filter((one) -> one.status() == Status.ACKNOWLEDGED).count();
			sample.stop((acknowledged == sent.size()) ? this.acknowledgedTimer : this.unavailableTimer);
			this.acknowledgedEvents.increment(acknowledged);
			this.unavailableEvents.increment(sent.size() - acknowledged);
			return sent;
		});
	}

	private CompletableFuture<SendResult<String, byte[]>> sendOne(ProducerRecord<String, byte[]> record, long deadline) {
		if (System.nanoTime() >= deadline) {
			return CompletableFuture.failedFuture(new NotSentException());
		}
		try {
			CompletableFuture<SendResult<String, byte[]>> send = this.template.send(record);
			// Kafka completes a send that could not even be appended before send() returns.
			return (send.isCompletedExceptionally()) ? CompletableFuture.failedFuture(new NotSentException()) : send;
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new NotSentException());
		}
	}

	private static Sent sent(CompletableFuture<SendResult<String, byte[]>> send) {
		if (!send.isDone()) {
			return new Sent(Status.UNKNOWN, null);
		}
		if (!send.isCompletedExceptionally()) {
			return new Sent(Status.ACKNOWLEDGED, send.join().getRecordMetadata());
		}
		return new Sent(failureStatus(send), null);
	}

	private static Status failureStatus(CompletableFuture<?> send) {
		Throwable failure = CompletionFailures.cause(send.handle((result, ex) -> ex).join());
		if (failure instanceof NotSentException) {
			return Status.FAILED;
		}
		// A retriable error (a timeout, a lost connection) may come after the broker wrote the record.
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof RetriableException) {
				return Status.UNKNOWN;
			}
		}
		return Status.FAILED;
	}

	/**
	 * What became of one record.
	 *
	 * @param status acknowledged, failed or unknown
	 * @param metadata where it went, when acknowledged
	 */
	record Sent(Status status, RecordMetadata metadata) {

		PublishedEvent published(String id) {
			return new PublishedEvent(id, this.metadata.topic(), this.metadata.partition(), this.metadata.offset(),
					Instant.ofEpochMilli(this.metadata.timestamp()));
		}

	}

	/** The record was never handed to the producer. */
	private static final class NotSentException extends RuntimeException {

		NotSentException() {
			super("not sent", null, false, false);
		}

	}

}
