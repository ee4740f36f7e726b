package dev.kafkapatterns.support.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeliveryAttemptAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Works through the records of one poll for one consumer group: in order, each event's side
 * effect once, its receipt sent without waiting, then one wait for all the receipts, then the
 * commit. One broker round trip serves the whole poll, and the guarantees stay those of a record
 * at a time: an offset is committed only after its event was processed and its receipt
 * acknowledged.
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

	private final DeliverySteps steps;

	private final DeliveryAttemptAware attempts;

	private final Duration maxBatchTime;

	private final Duration sendTimeout;

	private final BooleanSupplier closing;

	EventBatchProcessor(DeliverySteps steps, EventProcessors shared) {
		this.steps = steps;
		this.attempts = shared.attempts();
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
		Event event = DeliverySteps.eventOf(record);
		if (this.steps.skipIfCompleted(record, group)) {
			return;
		}
		int attempt = this.attempts
			.deliveryAttempt(new TopicPartitionOffset(record.topic(), record.partition(), record.offset()));
		DeliverySteps.Outcome outcome = this.steps.work(record, attempt, handler);
		pending.add(new PendingReceipt(index, event.id(), this.steps.sendReceipt(record, group, outcome)));
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
			try {
				pending.get(i).sent().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw receiptsFailed(pending.subList(i, pending.size()), group, ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw receiptsFailed(pending.subList(i, pending.size()), group, ex);
			}
		}
		this.steps.receiptsAcknowledged(group);
		pending.clear();
	}

	private BatchListenerFailedException receiptsFailed(List<PendingReceipt> unacknowledged, String group,
			Exception cause) {
		// Receipts after the first failure may have been acknowledged meanwhile: those stay sent.
		unacknowledged.stream()
			.filter((receipt) -> !acknowledged(receipt.sent()))
			.forEach((receipt) -> this.steps.receiptFailed(receipt.eventId()));
		PendingReceipt first = unacknowledged.get(0);
		String reason = (cause instanceof TimeoutException)
				? "not acknowledged within " + this.sendTimeout.toMillis() + " ms" : ExceptionCauses.reason(cause);
		ReceiptNotAcknowledgedException failure = new ReceiptNotAcknowledgedException("The broker did not acknowledge "
				+ "the receipt of event " + first.eventId() + " on " + this.steps.receiptsTopic() + ": " + reason, cause);
		this.steps.receiptsFailed(group, failure);
		return new BatchListenerFailedException(failure.getMessage(), failure, first.index());
	}

	private static boolean acknowledged(CompletableFuture<?> sent) {
		return sent.isDone() && !sent.isCompletedExceptionally();
	}

	private record PendingReceipt(int index, String eventId, CompletableFuture<?> sent) {
	}

}
