package dev.kafkapatterns.support.delivery;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.demo.DemoProperties;
import dev.kafkapatterns.support.demo.SimulatedFailures;
import dev.kafkapatterns.support.errors.ExceptionCauses;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer application needs on top of Spring Boot's Kafka auto-configuration: the
 * {@link EventProcessors} its listeners use, and one {@link DefaultErrorHandler} that Boot
 * wires into every listener container. The error handler retries a failed event with exponential
 * backoff, then dead-letters it; poison records ({@code DeserializationException}) are not
 * retryable, so they go to the dead-letter topic at once; a receipt the broker did not take is
 * retried for as long as the broker needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RetryProperties.class, ReceiptProperties.class, DeliveryProperties.class })
public class EventConsumerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EventConsumerConfiguration.class);

	@Bean
	DeliveryRecorder deliveryRecorder(KafkaTemplate<Object, Object> template, TopicsProperties topics,
			@Value("${app.instance-id}") String instance) {
		return new DeliveryRecorder(template, topics.receipts(), instance, Clock.systemUTC());
	}

	@Bean
	ReceiptProducerWarmUp receiptProducerWarmUp(DeliveryRecorder recorder, ReceiptProperties receipts) {
		return new ReceiptProducerWarmUp(recorder, receipts.producerStartWait());
	}

	@Bean
	PartitionAssignmentLog partitionAssignmentLog() {
		return new PartitionAssignmentLog();
	}

	@Bean
	SimulatedFailures simulatedFailures(DemoProperties demo) {
		return new SimulatedFailures(demo);
	}

	@Bean
	ReceiptHealthIndicator receiptsHealthIndicator(ReceiptProperties receipts) {
		return new ReceiptHealthIndicator(receipts.unhealthyAfter(), Clock.systemUTC());
	}

	@Bean
	EventProcessors eventProcessors(DeliveryRecorder recorder, SimulatedFailures failures,
			DefaultErrorHandler errorHandler, ReceiptHealthIndicator receiptHealth, MeterRegistry meterRegistry,
			DeliveryProperties delivery, ReceiptProperties receipts, LoggingDeadLetterRecoverer deadLetters,
			RetryProperties retry) {
		// The error handler counts the failed attempts of each record: failures on purpose use it.
		return new EventProcessors(recorder, failures, errorHandler, receiptHealth, meterRegistry, delivery, receipts,
				deadLetters, retry);
	}

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<Object, Object> template,
			ProducerFactory<Object, Object> producerFactory, TopicsProperties topics) {
		// A poison record has no value object, only the bytes that failed to deserialize; they go
		// to the dead-letter topic unchanged, through a byte-array template. Everything else is
		// an Event and goes as JSON through Boot's template.
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, new KafkaTemplate<>(producerFactory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		templates.put(Object.class, template);
		// Partition -1 lets the producer choose, so the dead-letter topic may have any partition count.
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, exception) -> new TopicPartition(topics.deadLetter(), -1));
		// The exception message, class, group and original topic/partition/offset stay; the stack
		// trace would only bloat each dead letter.
		recoverer.excludeHeader(HeadersToAdd.EX_STACKTRACE);
		recoverer.addHeadersFunction(new DeadLetterHeaders());
		return recoverer;
	}

	@Bean
	LoggingDeadLetterRecoverer loggingDeadLetterRecoverer(DeadLetterPublishingRecoverer deadLetters,
			MeterRegistry meterRegistry) {
		return new LoggingDeadLetterRecoverer(deadLetters, meterRegistry);
	}

	@Bean
	DefaultErrorHandler errorHandler(LoggingDeadLetterRecoverer deadLetters, RetryProperties retry) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler errorHandler = new RetryCountKeepingErrorHandler(deadLetters, backOff);
		// After a dead letter the handler throws "Seek to current after exception" to have the rest
		// of the poll read again, and the container logs it, stack trace and all, at the handler's
		// level: an ERROR for what is the normal course. The retry listener below and
		// LoggingDeadLetterRecoverer already log each failed attempt and each dead letter.
		errorHandler.setLogLevel(KafkaException.Level.DEBUG);
		// A receipt the broker did not take is the broker's problem, not the event's: wait for the
		// broker, however long, instead of dead-lettering an event that was processed.
		errorHandler.setBackOffFunction(
				(record, exception) -> ExceptionCauses.isCausedBy(exception, ReceiptNotAcknowledgedException.class)
						? new FixedBackOff(retry.maxInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		errorHandler.setRetryListeners((record, exception, deliveryAttempt) -> logger.warn(
				"attempt {} failed group={} topic={} partition={} offset={} key={} reason={}", deliveryAttempt,
				KafkaUtils.getConsumerGroupId(), record.topic(), record.partition(), record.offset(),
				LogText.printable(String.valueOf(record.key())), LogText.printable(ExceptionCauses.reason(exception))));
		return errorHandler;
	}

}
