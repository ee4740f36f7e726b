package dev.kafkapatterns.support.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.model.SimulatedFailure;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Records that a consumer processed an event: one log line with service, group, instance,
 * partition, offset, key and event id, and a {@link DeliveryReceipt} on the receipts topic.
 *
 * <p>The receipt is sent synchronously, inside the listener, so it is on the broker before the
 * container commits the event's offset. A crash in between means the event is processed again
 * and gets a second receipt: delivery is at-least-once, and receipts show it honestly. While the
 * broker is away, the idempotent producer keeps retrying the receipt on its own (up to
 * {@code delivery.timeout.ms}); the send timeout waits a little longer than that, so a short
 * outage costs a pause, not a second processing of the event.
 */
public class DeliveryRecorder {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRecorder.class);

	private final KafkaTemplate<Object, Object> template;

	private final String receiptsTopic;

	private final String instance;

	private final Duration sendTimeout;

	private final Clock clock;

	public DeliveryRecorder(KafkaTemplate<Object, Object> template, String receiptsTopic, String instance,
			Duration sendTimeout, Clock clock) {
		this.template = template;
		this.receiptsTopic = receiptsTopic;
		this.instance = instance;
		this.sendTimeout = sendTimeout;
		this.clock = clock;
	}

	/**
	 * Throws if the event's payload asks this consumer's role to fail this delivery attempt.
	 * @param consumer the consumer
	 * @param event the event
	 * @param deliveryAttempt the delivery attempt, starting at 1
	 * @throws SimulatedFailureException when the payload asks for a failure
	 */
	public void failIfRequested(ConsumerIdentity consumer, Event event, int deliveryAttempt) {
		SimulatedFailure.requestedBy(event)
			.filter((failure) -> failure.failsAttempt(consumer.role(), deliveryAttempt))
			.ifPresent((failure) -> {
				throw new SimulatedFailureException(failure.describe(deliveryAttempt));
			});
	}

	/**
	 * Logs the processed event and publishes its receipt, waiting for the broker's
	 * acknowledgement.
	 * @param consumer the consumer that processed the event
	 * @param record the processed record
	 * @param outcome what processing did, in a few words, appended to the log line
	 * @return the receipt that was published
	 */
	public DeliveryReceipt processed(ConsumerIdentity consumer, ConsumerRecord<String, Event> record,
			String outcome) {
		Event event = record.value();
		logger.info("processed service={} group={} instance={} partition={} offset={} key={} eventId={} type={} | {}",
				consumer.service(), consumer.group(), this.instance, record.partition(), record.offset(),
				LogText.printable(record.key()), event.id(), LogText.printable(event.type()), LogText.printable(outcome));
		DeliveryReceipt receipt = new DeliveryReceipt(event.id(), consumer.group(), consumer.service(), this.instance,
				record.partition(), record.offset(), this.clock.instant());
		send(receipt);
		return receipt;
	}

	private void send(DeliveryReceipt receipt) {
		try {
			this.template.send(this.receiptsTopic, receipt.eventId(), receipt)
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ReceiptNotAcknowledgedException(
					"Interrupted while publishing the receipt of event " + receipt.eventId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			// The listener fails, so the event is retried and its offset is not committed.
			throw new ReceiptNotAcknowledgedException("The broker did not acknowledge the receipt of event "
					+ receipt.eventId() + " within " + this.sendTimeout.toMillis() + " ms", ex);
		}
	}

}
