package dev.kafkapatterns.support.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import dev.kafkapatterns.support.demo.SimulatedFailures;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.kafka.listener.DeliveryAttemptAware;

/**
 * Makes an {@link EventBatchProcessor} (consumer groups) or a {@link ShareRecordProcessor} (share
 * groups) for each listener, and tells them when the application is
 * shutting down. The context announces its closing before it stops the listener containers, so a
 * listener in the middle of a long poll (slow jobs) stops after its current event and hands the
 * rest to whoever gets its partitions, instead of finishing the whole poll first.
 */
public class EventProcessors implements ApplicationListener<ContextClosedEvent> {

	private final DeliveryRecorder recorder;

	private final SimulatedFailures failures;

	private final DeliveryAttemptAware attempts;

	private final ReceiptHealthIndicator receiptHealth;

	private final MeterRegistry meterRegistry;

	private final DeliveryProperties delivery;

	private final ReceiptProperties receipts;

	private final LoggingDeadLetterRecoverer deadLetters;

	private final int maxDeliveries;

	private volatile boolean closing;

	EventProcessors(DeliveryRecorder recorder, SimulatedFailures failures, DeliveryAttemptAware attempts,
			ReceiptHealthIndicator receiptHealth, MeterRegistry meterRegistry, DeliveryProperties delivery,
			ReceiptProperties receipts, LoggingDeadLetterRecoverer deadLetters, RetryProperties retry) {
		this.recorder = recorder;
		this.failures = failures;
		this.attempts = attempts;
		this.receiptHealth = receiptHealth;
		this.meterRegistry = meterRegistry;
		this.delivery = delivery;
		this.receipts = receipts;
		this.deadLetters = deadLetters;
		this.maxDeliveries = retry.maxRetries() + 1;
	}

	/**
	 * A processor for one listener, remembering up to {@code app.delivery.completed-ids-max}
	 * processed events.
	 * @param consumer who processes the events
	 * @return the processor
	 */
	public EventBatchProcessor forConsumer(ConsumerIdentity consumer) {
		return forConsumer(consumer, this.delivery.completedIdsMax());
	}

	/**
	 * A processor for one listener. Each listener needs its own: the processed events it
	 * remembers are those of its consumer group.
	 * @param consumer who processes the events
	 * @param completedIdsMax how many processed event ids it remembers
	 * @return the processor
	 */
	public EventBatchProcessor forConsumer(ConsumerIdentity consumer, long completedIdsMax) {
		return new EventBatchProcessor(new DeliverySteps(consumer, this, completedIdsMax), this);
	}

	/**
	 * A processor for one listener of a share group.
	 * @param consumer who processes the events
	 * @param completedIdsMax how many processed event ids it remembers
	 * @return the processor
	 */
	public ShareRecordProcessor forShareConsumer(ConsumerIdentity consumer, long completedIdsMax) {
		return new ShareRecordProcessor(new DeliverySteps(consumer, this, completedIdsMax), this);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.closing = true;
	}

	boolean isClosing() {
		return this.closing;
	}

	DeliveryRecorder recorder() {
		return this.recorder;
	}

	SimulatedFailures failures() {
		return this.failures;
	}

	DeliveryAttemptAware attempts() {
		return this.attempts;
	}

	ReceiptHealthIndicator receiptHealth() {
		return this.receiptHealth;
	}

	MeterRegistry meterRegistry() {
		return this.meterRegistry;
	}

	Duration maxBatchTime() {
		return this.delivery.maxBatchTime();
	}

	LoggingDeadLetterRecoverer deadLetters() {
		return this.deadLetters;
	}

	int maxDeliveries() {
		return this.maxDeliveries;
	}

	Duration sendTimeout() {
		return this.receipts.sendTimeout();
	}

}
