package dev.kafkapatterns.support.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.demo.SimulatedFailures;
import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The steps every consumer takes for one event, whatever acknowledges it (a consumer group's
 * batch commit or a share group's per-record acknowledgement): recognise poison, skip what this
 * listener already completed, do the side effect once, send the receipt and remember the
 * outcome.
 */
final class DeliverySteps {

	private static final Logger logger = LoggerFactory.getLogger(DeliverySteps.class);

	private static final LogAccessor logAccessor = new LogAccessor(DeliverySteps.class);

	private final ConsumerIdentity consumer;

	private final DeliveryRecorder recorder;

	private final SimulatedFailures failures;

	private final CompletedEvents completed;

	private final ReceiptHealthIndicator receiptHealth;

	private final MeterRegistry meterRegistry;

	DeliverySteps(ConsumerIdentity consumer, EventProcessors shared, long completedIdsMax) {
		this.consumer = consumer;
		this.recorder = shared.recorder();
		this.failures = shared.failures();
		this.completed = new CompletedEvents(completedIdsMax);
		this.receiptHealth = shared.receiptHealth();
		this.meterRegistry = shared.meterRegistry();
	}

	/**
	 * The event, or the reason the record is poison (not retried, dead-lettered at once): a
	 * {@link DeserializationException} that the {@code ErrorHandlingDeserializer} left in a
	 * header, or a record without a value.
	 */
	static Event eventOf(ConsumerRecord<String, Event> record) {
		if (record.value() != null) {
			return record.value();
		}
		DeserializationException poison = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
		throw (poison != null) ? poison
				: new DeserializationException("A record without a value is not an event", new byte[0], false, null);
	}

	/**
	 * Whether this listener completed the event already (its receipt is sent or on its way); if so
	 * the redelivery is logged and counted as a skipped duplicate.
	 */
	boolean skipIfCompleted(ConsumerRecord<String, Event> record, String group) {
		CompletedEvents.Entry known = this.completed.get(record.value().id());
		if (known == null || known.state() == CompletedEvents.State.WORK_DONE) {
			return false;
		}
		this.meterRegistry.counter(this.consumer.noun() + "s.duplicates.skipped", "group", String.valueOf(group))
			.increment();
		logger.info("skipped {} {} (partition={} offset={}): instance {} already completed it", this.consumer.noun(),
				LogText.printable(record.value().id()), record.partition(), record.offset(), this.recorder.instance());
		return true;
	}

	/**
	 * Does the side effect unless it was done before (when only its receipt failed).
	 * @return what was done
	 * @throws RuntimeException when the side effect fails, or a failure on purpose was asked for
	 */
	Outcome work(ConsumerRecord<String, Event> record, int deliveryAttempt, EventHandler handler) {
		Event event = record.value();
		CompletedEvents.Entry known = this.completed.get(event.id());
		if (known != null) {
			return new Outcome(known.outcome(), true);
		}
		this.failures.failIfRequested(this.consumer.role(), event, deliveryAttempt);
		String outcome = handler.handle(record);
		this.completed.workDone(event.id(), outcome);
		return new Outcome(outcome, false);
	}

	/**
	 * Logs the processed event and sends its receipt without waiting.
	 * @return completes when the receipt is acknowledged, fails when it is not
	 * @throws ReceiptNotAcknowledgedException when the producer refused the receipt at once
	 */
	CompletableFuture<?> sendReceipt(ConsumerRecord<String, Event> record, String group, Outcome outcome) {
		String eventId = record.value().id();
		this.completed.receiptSent(eventId, outcome.text());
		this.receiptHealth.waiting(group);
		CompletableFuture<?> sent = this.recorder
			.processed(this.consumer, group, record,
					outcome.doneBefore() ? outcome.text() + " (done before; receipt sent again)" : outcome.text())
			.whenComplete((result, failure) -> {
				if (failure != null) {
					this.completed.receiptFailed(eventId);
				}
			});
		if (sent.isCompletedExceptionally()) {
			// The producer refused at once (no metadata for the receipts topic within max.block.ms):
			// sending the rest of a poll would only wait as long again for each record.
			ReceiptNotAcknowledgedException failure = new ReceiptNotAcknowledgedException("The receipt of event "
					+ eventId + " could not be sent to " + this.recorder.receiptsTopic() + ": "
					+ ExceptionCauses.reason(failureOf(sent)), null);
			receiptsFailed(group, failure);
			throw failure;
		}
		return sent;
	}

	/** The receipt of the event did not reach the broker: its next delivery sends it again. */
	void receiptFailed(String eventId) {
		this.completed.receiptFailed(eventId);
	}

	void receiptsFailed(String group, Exception failure) {
		this.receiptHealth.failed(group, ExceptionCauses.reason(failure));
	}

	void receiptsAcknowledged(String group) {
		this.receiptHealth.acknowledged(group);
	}

	String receiptsTopic() {
		return this.recorder.receiptsTopic();
	}

	/**
	 * What the side effect did.
	 * @param text in a few words, for the log line
	 * @param doneBefore whether it was done on an earlier delivery, whose receipt failed
	 */
	record Outcome(String text, boolean doneBefore) {
	}

	private static Throwable failureOf(CompletableFuture<?> failed) {
		try {
			failed.join();
			throw new IllegalStateException("The future did not fail");
		}
		catch (CompletionException ex) {
			return ex.getCause();
		}
	}

}
