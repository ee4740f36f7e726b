package dev.kafkapatterns.support.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.demo.SimulatedFailures;
import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeliveryAttemptAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Works through the records of one poll for one consumer: in order, each event's side effect
 * once, its receipt sent without waiting, then one wait for all the receipts, then the commit.
 * One broker round trip serves the whole poll, and the guarantees stay those of a record at a
 * time: an offset is committed only after its event was processed and its receipt acknowledged.
 *
 * <ul>
 * <li>A failing event stops the batch at its index with a {@link BatchListenerFailedException}:
 * the error handler commits the events before it, retries it with backoff, dead-letters it after
 * the last retry, and the events after it come again. Order per partition, and so per key, is
 * kept. Poison records (not an event) fail the same way and are not retried.</li>
 * <li>A receipt the broker did not acknowledge fails the batch at that event; the error handler
 * retries it for as long as it takes. The side effects already done are remembered, so the retry
 * only sends receipts again.</li>
 * <li>After {@code app.delivery.max-batch-time}, or when the application is shutting down, the
 * batch stops after the current event: what is done is committed and the rest is handed back
 * (to this consumer's next poll, or to whoever gets the partitions).</li>
 * </ul>
 * Listeners need {@code spring.kafka.listener.type=batch} and {@code ack-mode=manual}.
 */
public final class EventBatchProcessor {

	private static final Logger logger = LoggerFactory.getLogger(EventBatchProcessor.class);

	private static final LogAccessor logAccessor = new LogAccessor(EventBatchProcessor.class);

	private final ConsumerIdentity consumer;

	private final DeliveryRecorder recorder;

	private final SimulatedFailures failures;

	private final DeliveryAttemptAware attempts;

	private final CompletedEvents completed;

	private final ReceiptHealthIndicator receiptHealth;

	private final MeterRegistry meterRegistry;

	private final Duration maxBatchTime;

	private final Duration sendTimeout;

	private final BooleanSupplier closing;

	EventBatchProcessor(ConsumerIdentity consumer, EventBatchProcessors shared, long completedIdsMax) {
		this.consumer = consumer;
		this.recorder = shared.recorder();
		this.failures = shared.failures();
		this.attempts = shared.attempts();
		this.completed = new CompletedEvents(completedIdsMax);
		this.receiptHealth = shared.receiptHealth();
		this.meterRegistry = shared.meterRegistry();
		this.maxBatchTime = shared.maxBatchTime();
		this.sendTimeout = shared.sendTimeout();
		this.closing = shared::isClosing;
	}

	/**
	 * Processes the records of one poll and acknowledges them, or as many as were done.
	 * @param records the records, in the order the consumer returned them
	 * @param acknowledgment the batch's acknowledgment
	 * @param handler the side effect of each event
	 * @throws BatchListenerFailedException for the first event that failed
	 */
	public void process(List<ConsumerRecord<String, Event>> records, Acknowledgment acknowledgment,
			EventHandler handler) {
		String group = KafkaUtils.getConsumerGroupId();
		long started = System.nanoTime();
		List<PendingReceipt> pending = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			if (index > 0 && shouldHandBack(started)) {
				awaitReceipts(pending, group);
				acknowledgment.nack(index, Duration.ZERO);
				return;
			}
			try {
				processOne(records.get(index), index, group, handler, pending);
			}
			catch (RuntimeException ex) {
				awaitReceipts(pending, group);
				if (ex instanceof ReceiptNotAcknowledgedException) {
					this.receiptHealth.failed(group, ExceptionCauses.reason(ex));
				}
				throw new BatchListenerFailedException(ExceptionCauses.reason(ex), ex, index);
			}
		}
		awaitReceipts(pending, group);
		acknowledgment.acknowledge();
	}

	private boolean shouldHandBack(long started) {
		return this.closing.getAsBoolean() || System.nanoTime() - started > this.maxBatchTime.toNanos();
	}

	private void processOne(ConsumerRecord<String, Event> record, int index, String group, EventHandler handler,
			List<PendingReceipt> pending) {
		Event event = eventOf(record);
		CompletedEvents.Entry known = this.completed.get(event.id());
		if (known != null && known.state() != CompletedEvents.State.WORK_DONE) {
			skipDuplicate(record, group);
			return;
		}
		String outcome;
		if (known == null) {
			int attempt = this.attempts
				.deliveryAttempt(new TopicPartitionOffset(record.topic(), record.partition(), record.offset()));
			this.failures.failIfRequested(this.consumer.role(), event, attempt);
			outcome = handler.handle(record);
			this.completed.workDone(event.id(), outcome);
		}
		else {
			// Done before, but its receipt did not reach the broker: only the receipt is missing.
			outcome = known.outcome() + " (done before; receipt sent again)";
		}
		this.completed.receiptPending(event.id(), outcome);
		this.receiptHealth.waiting(group);
		CompletableFuture<?> sent = this.recorder.processed(this.consumer, group, record, outcome)
			.whenComplete((result, failure) -> {
				if (failure == null) {
					this.completed.receiptSent(event.id());
				}
				else {
					this.completed.receiptFailed(event.id());
				}
			});
		if (sent.isCompletedExceptionally()) {
			// The producer refused at once (no metadata for the receipts topic within max.block.ms):
			// sending the rest of the poll would only wait as long again for each record.
			throw new ReceiptNotAcknowledgedException("The receipt of event " + event.id() + " could not be sent to "
					+ this.recorder.receiptsTopic() + ": " + ExceptionCauses.reason(failureOf(sent)), null);
		}
		pending.add(new PendingReceipt(index, event.id(), sent));
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

	/** The event, or the reason the record is poison: not retried, dead-lettered at once. */
	private static Event eventOf(ConsumerRecord<String, Event> record) {
		if (record.value() != null) {
			return record.value();
		}
		DeserializationException poison = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
		throw (poison != null) ? poison
				: new DeserializationException("A record without a value is not an event", new byte[0], false, null);
	}

	private void skipDuplicate(ConsumerRecord<String, Event> record, String group) {
		this.meterRegistry.counter(this.consumer.noun() + "s.duplicates.skipped", "group", String.valueOf(group))
			.increment();
		logger.info("skipped {} {} (partition={} offset={}): instance {} already completed it", this.consumer.noun(),
				LogText.printable(record.value().id()), record.partition(), record.offset(),
				this.recorder.instance());
	}

	/**
	 * Waits for the receipts sent so far, all within one send timeout.
	 * @throws BatchListenerFailedException at the first event whose receipt was not acknowledged
	 */
	private void awaitReceipts(List<PendingReceipt> pending, String group) {
		if (pending.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + this.sendTimeout.toNanos();
		for (int i = 0; i < pending.size(); i++) {
			PendingReceipt receipt = pending.get(i);
			try {
				receipt.sent().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw receiptFailed(pending.subList(i, pending.size()), group, ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw receiptFailed(pending.subList(i, pending.size()), group, ex);
			}
		}
		this.receiptHealth.acknowledged(group);
		pending.clear();
	}

	private BatchListenerFailedException receiptFailed(List<PendingReceipt> unacknowledged, String group,
			Exception cause) {
		unacknowledged.forEach((receipt) -> this.completed.receiptFailed(receipt.eventId()));
		PendingReceipt first = unacknowledged.get(0);
		String reason = (cause instanceof TimeoutException)
				? "not acknowledged within " + this.sendTimeout.toMillis() + " ms" : ExceptionCauses.reason(cause);
		this.receiptHealth.failed(group, reason);
		ReceiptNotAcknowledgedException failure = new ReceiptNotAcknowledgedException(
				"The broker did not acknowledge the receipt of event " + first.eventId() + " on "
						+ this.recorder.receiptsTopic() + ": " + reason, cause);
		return new BatchListenerFailedException(failure.getMessage(), failure, first.index());
	}

	private record PendingReceipt(int index, String eventId, CompletableFuture<?> sent) {
	}

}
