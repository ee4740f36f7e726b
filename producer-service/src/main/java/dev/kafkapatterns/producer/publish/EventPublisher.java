package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.EventHeaders;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes events to the events topic and waits, within {@code app.publish.ack-timeout}, for the
 * broker to acknowledge them. Nothing is reported as published that the broker did not
 * acknowledge.
 */
@Component
public class EventPublisher {

	private final KafkaTemplate<String, Event> template;

	private final String topic;

	private final Duration ackTimeout;

	private final MeterRegistry meterRegistry;

	EventPublisher(KafkaTemplate<String, Event> template, TopicsProperties topics, PublishProperties publish,
			MeterRegistry meterRegistry) {
		this.template = template;
		this.topic = topics.events();
		this.ackTimeout = publish.ackTimeout();
		this.meterRegistry = meterRegistry;
	}

	/**
	 * Publishes the events in order and waits for every acknowledgement.
	 * @param events the events, all already valid
	 * @return where each event went, in the same order
	 * @throws BrokerUnavailableException when not every event was acknowledged in time
	 * @throws EventTooLargeException when an event is too large for Kafka
	 */
	public List<PublishedEvent> publish(List<Event> events) {
		Timer.Sample sample = Timer.start(this.meterRegistry);
		String outcome = "acknowledged";
		try {
			return sendAndAwait(events);
		}
		catch (BrokerUnavailableException ex) {
			outcome = "unavailable";
			throw ex;
		}
		catch (EventTooLargeException ex) {
			outcome = "too-large";
			throw ex;
		}
		finally {
			sample.stop(this.meterRegistry.timer("events.publish", "outcome", outcome));
			this.meterRegistry.counter("events.published", "outcome", outcome).increment(events.size());
		}
	}

	private List<PublishedEvent> sendAndAwait(List<Event> events) {
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		List<CompletableFuture<SendResult<String, Event>>> sends = new ArrayList<>(events.size());
		Throwable failure = null;
		for (Event event : events) {
			if (System.nanoTime() >= deadline) {
				break;
			}
			try {
				sends.add(this.template.send(record(event)));
			}
			catch (RuntimeException ex) {
				// A send that cannot even start (no metadata in max.block.ms) stops the batch:
				// the events after it would only wait for the same dead broker.
				failure = ex;
				break;
			}
		}
		List<PublishedEvent> acknowledged = new ArrayList<>(sends.size());
		for (int i = 0; i < sends.size(); i++) {
			try {
				long remaining = Math.max(0, deadline - System.nanoTime());
				RecordMetadata metadata = sends.get(i).get(remaining, TimeUnit.NANOSECONDS).getRecordMetadata();
				acknowledged.add(new PublishedEvent(events.get(i).id(), metadata.topic(), metadata.partition(),
						metadata.offset(), Instant.ofEpochMilli(metadata.timestamp())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = ex;
				break;
			}
			catch (ExecutionException ex) {
				failure = ex.getCause();
				break;
			}
			catch (TimeoutException ex) {
				failure = ex;
				break;
			}
		}
		if (acknowledged.size() == events.size()) {
			return acknowledged;
		}
		if (causedBy(failure, RecordTooLargeException.class)) {
			throw new EventTooLargeException("An event is larger than the broker accepts", failure);
		}
		throw new BrokerUnavailableException("The broker did not acknowledge " + (events.size() - acknowledged.size())
				+ " of " + events.size() + " events within " + this.ackTimeout.toMillis() + " ms", acknowledged,
				events.size(), failure);
	}

	private ProducerRecord<String, Event> record(Event event) {
		ProducerRecord<String, Event> record = new ProducerRecord<>(this.topic, null,
				event.occurredAt().toEpochMilli(), event.key(), event);
		record.headers().add(EventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
