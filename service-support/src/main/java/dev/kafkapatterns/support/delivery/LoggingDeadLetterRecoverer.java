package dev.kafkapatterns.support.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Publishes a record no retry could fix to the dead-letter topic, then says so: a
 * {@code dead-lettered} log line and the counter {@code events.dead.lettered{group}}.
 */
class LoggingDeadLetterRecoverer implements ConsumerRecordRecoverer {

	private static final Logger logger = LoggerFactory.getLogger(LoggingDeadLetterRecoverer.class);

	private final DeadLetterPublishingRecoverer deadLetters;

	private final MeterRegistry meterRegistry;

	LoggingDeadLetterRecoverer(DeadLetterPublishingRecoverer deadLetters, MeterRegistry meterRegistry) {
		this.deadLetters = deadLetters;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * Dead-letters a record for the consumer group of the calling thread: the error handler runs
	 * the recoverer on the consumer thread, which knows its group.
	 */
	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		String group = KafkaUtils.getConsumerGroupId();
		this.deadLetters.accept(record, exception);
		counted(record, exception, group);
	}

	/**
	 * Dead-letters a record for the given consumer group, for consumers whose thread does not
	 * carry it (share consumers).
	 * @param record the record
	 * @param exception why it could not be processed
	 * @param group the group that gives up on it
	 */
	void accept(ConsumerRecord<?, ?> record, Exception exception, String group) {
		// The recoverer reads the group for its kafka_dlt-original-consumer-group header from here.
		this.deadLetters.accept(record, new ListenerExecutionFailedException(ExceptionCauses.reason(exception), group,
				exception));
		counted(record, exception, group);
	}

	private void counted(ConsumerRecord<?, ?> record, Exception exception, String group) {
		this.meterRegistry.counter("events.dead.lettered", "group", String.valueOf(group)).increment();
		logger.warn("dead-lettered group={} topic={} partition={} offset={} key={} reason={}", group, record.topic(),
				record.partition(), record.offset(), LogText.printable(String.valueOf(record.key())),
				LogText.printable(ExceptionCauses.reason(exception)));
	}

}
