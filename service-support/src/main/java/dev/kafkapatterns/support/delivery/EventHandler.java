package dev.kafkapatterns.support.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.model.Event;

/**
 * What one consumer does with one event: its side effect (append to the audit trail, render a
 * notification, do a job).
 */
@FunctionalInterface
public interface EventHandler {

	/**
	 * Does the work for one event. Throwing fails this event: it is retried, then dead-lettered.
	 * @param record the record, with the event as its value
	 * @return what was done, in a few words, for the log line
	 */
	String handle(ConsumerRecord<String, Event> record);

}
