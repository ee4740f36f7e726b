package dev.kafkapatterns.support.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.Event;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Records that a consumer processed an event: one log line with service, group, instance,
 * partition, offset, key and event id (and, in a share group, the delivery count), and a
 * {@link DeliveryReceipt} sent to the receipts topic.
 *
 * <p>The receipt is sent asynchronously: the caller collects the futures of a whole poll and
 * waits for all of them before it commits, so one broker round trip serves many events and an
 * offset is still committed only after its receipt is acknowledged.
 */
class DeliveryRecorder {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRecorder.class);

	private final KafkaTemplate<Object, Object> template;

	private final String receiptsTopic;

	private final String instance;

	private final Clock clock;

	DeliveryRecorder(KafkaTemplate<Object, Object> template, String receiptsTopic, String instance, Clock clock) {
		this.template = template;
		this.receiptsTopic = receiptsTopic;
		this.instance = instance;
		this.clock = clock;
	}

	/** The topic receipts go to. */
	String receiptsTopic() {
		return this.receiptsTopic;
	}

	/**
	 * Makes the receipts producer and fetches the receipts topic's metadata, which the first
	 * receipt would otherwise wait for (see {@link ReceiptProducerWarmUp}).
	 * @return the number of partitions of the receipts topic
	 */
	int connect() {
		return this.template.partitionsFor(this.receiptsTopic).size();
	}

	/** The instance id of this process, as receipts and log lines name it. */
	String instance() {
		return this.instance;
	}

	/**
	 * Logs the processed event and sends its receipt.
	 * @param consumer the consumer that processed the event
	 * @param group the consumer group it processed the event in
	 * @param record the processed record
	 * @param outcome what processing did, in a few words, appended to the log line
	 * @return completes when the broker acknowledged the receipt, or fails when it did not (also at
	 * once, when the producer refuses the receipt)
	 */
	CompletableFuture<SendResult<Object, Object>> processed(ConsumerIdentity consumer, String group,
			ConsumerRecord<String, Event> record, String outcome) {
		Event event = record.value();
		Optional<Short> deliveryCount = record.deliveryCount();
		if (deliveryCount.isPresent()) {
			// Share groups count deliveries; consumer groups do not.
			logger.info("processed service={} group={} instance={} partition={} offset={} key={} eventId={} type={} "
					+ "deliveryCount={} | {}", consumer.service(), group, this.instance, record.partition(),
					record.offset(), LogText.printable(record.key()), LogText.printable(event.id()),
					LogText.printable(event.type()), deliveryCount.get(), LogText.printable(outcome));
		}
		else {
			logger.info("processed service={} group={} instance={} partition={} offset={} key={} eventId={} type={} | {}",
					consumer.service(), group, this.instance, record.partition(), record.offset(),
					LogText.printable(record.key()), LogText.printable(event.id()), LogText.printable(event.type()),
					LogText.printable(outcome));
		}
		DeliveryReceipt receipt = new DeliveryReceipt(event.id(), group, consumer.service(), this.instance,
				record.partition(), record.offset(), this.clock.instant());
		try {
			return this.template.send(this.receiptsTopic, receipt.eventId(), receipt);
		}
		catch (KafkaException ex) {
			// The producer refused at once, for example with no metadata for the topic within
			// max.block.ms: a receipt that failed, like one the broker did not acknowledge.
			return CompletableFuture.failedFuture(ex);
		}
	}

}
