package dev.kafkapatterns.support.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
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

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		this.deadLetters.accept(record, exception);
		// The container runs the recoverer on the consumer thread, which knows its group.
		String group = KafkaUtils.getConsumerGroupId();
		this.meterRegistry.counter("events.dead.lettered", "group", String.valueOf(group)).increment();
		logger.warn("dead-lettered group={} topic={} partition={} offset={} key={} reason={}", group, record.topic(),
				record.partition(), record.offset(), LogText.printable(String.valueOf(record.key())),
				LogText.printable(ExceptionCauses.reason(exception)));
	}

}
