package dev.kafkapatterns.support.delivery;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.kafka.support.ShareAcknowledgment;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Processes one record of a share group (KIP-932) and acknowledges it on its own. The broker
 * lends each record to one member under a lock, so there is no offset to commit: every record is
 * accepted, released or rejected by itself.
 *
 * <ul>
 * <li>Accepted once its side effect is done and its receipt acknowledged. The receipt is sent
 * without waiting; the acknowledgement follows from the producer's callback (the share container
 * queues it for its consumer thread), so one broker round trip serves a whole poll.</li>
 * <li>A failure releases the record: the broker hands it out again, maybe to another member, with
 * its delivery count one higher. When the count reaches {@code app.retry.max-retries} + 1 the
 * record is dead-lettered with the same headers as in a consumer group, then rejected.</li>
 * <li>A poison record is dead-lettered and rejected at once. A receipt that fails releases the
 * record; this listener remembers that the side effect is done and only sends the receipt again
 * if the record comes back to it.</li>
 * </ul>
 * Needs the share container in {@code ShareAckMode.MANUAL}, so the record stays unacknowledged
 * until its receipt is in.
 */
public final class ShareRecordProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ShareRecordProcessor.class);

	private final DeliverySteps steps;

	private final LoggingDeadLetterRecoverer deadLetters;

	private final int maxDeliveries;

	ShareRecordProcessor(DeliverySteps steps, EventProcessors shared) {
		this.steps = steps;
		this.deadLetters = shared.deadLetters();
		this.maxDeliveries = shared.maxDeliveries();
	}

	/**
	 * Processes one record and acknowledges it now or when its receipt is in.
	 * @param record the record
	 * @param acknowledgment its acknowledgment
	 * @param group the share group the record was read in
	 * @param handler the side effect
	 */
	public void process(ConsumerRecord<String, Event> record, ShareAcknowledgment acknowledgment, String group,
			EventHandler handler) {
		int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
		try {
			DeliverySteps.eventOf(record);
		}
		catch (DeserializationException poison) {
			this.deadLetters.accept(record, poison, group);
			acknowledgment.reject();
			return;
		}
		if (this.steps.skipIfCompleted(record, group)) {
			acknowledgment.acknowledge();
			return;
		}
		DeliverySteps.Outcome outcome;
		try {
			outcome = this.steps.work(record, delivery, handler);
		}
		catch (RuntimeException ex) {
			failed(record, acknowledgment, group, delivery, ex);
			return;
		}
		CompletableFuture<?> sent;
		try {
			sent = this.steps.sendReceipt(record, group, outcome);
		}
		catch (ReceiptNotAcknowledgedException ex) {
			acknowledgment.release();
			return;
		}
		sent.whenComplete((result, failure) -> {
			if (failure == null) {
				this.steps.receiptsAcknowledged(group);
				acknowledgment.acknowledge();
			}
			else {
				this.steps.receiptsFailed(group, new ReceiptNotAcknowledgedException("The broker did not acknowledge "
						+ "the receipt of event " + record.value().id() + " on " + this.steps.receiptsTopic(), failure));
				acknowledgment.release();
			}
		});
	}

	private void failed(ConsumerRecord<String, Event> record, ShareAcknowledgment acknowledgment, String group,
			int delivery, RuntimeException failure) {
		if (delivery >= this.maxDeliveries) {
			this.deadLetters.accept(record, failure, group);
			acknowledgment.reject();
			return;
		}
		logger.warn("delivery {} failed group={} topic={} partition={} offset={} key={} reason={}; released for "
				+ "redelivery", delivery, group, record.topic(), record.partition(), record.offset(),
				LogText.printable(record.key()), LogText.printable(ExceptionCauses.reason(failure)));
		acknowledgment.release();
	}

}
