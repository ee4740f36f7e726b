package dev.kafkapatterns.support.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer application needs on top of Spring Boot's Kafka auto-configuration: the
 * {@link DeliveryRecorder}, and one {@link DefaultErrorHandler} that Boot wires into every
 * listener container. The error handler retries with exponential backoff, then hands the record
 * to a {@link DeadLetterPublishingRecoverer}. Poison records (a
 * {@code DeserializationException} from the {@code ErrorHandlingDeserializer}) are not
 * retryable, so they go to the dead-letter topic at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryProperties.class)
public class EventConsumerConfiguration {

	/** The dead-letter header that says, in plain words, why the record could not be processed. */
	public static final String REASON_HEADER = "dlt-reason";

	/** The dead-letter header that says, as text, where the record came from: {@code events-3@1207}. */
	public static final String ORIGIN_HEADER = "dlt-original";

	private static final Logger logger = LoggerFactory.getLogger(EventConsumerConfiguration.class);

	@Bean
	DeliveryRecorder deliveryRecorder(KafkaTemplate<Object, Object> template, TopicsProperties topics,
			@Value("${app.instance-id}") String instance, @Value("${app.receipts.send-timeout:130s}") Duration sendTimeout) {
		return new DeliveryRecorder(template, topics.receipts(), instance, sendTimeout, Clock.systemUTC());
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
		// Spring's message header holds the outermost exception ("failed to deserialize"); the root
		// cause says what was actually wrong. Spring's original partition and offset headers are
		// binary; the origin header repeats them as text, for kcat and for people.
		recoverer.addHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {
				new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8)),
				new RecordHeader(ORIGIN_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
					.getBytes(StandardCharsets.UTF_8)) }));
		return recoverer;
	}

	@Bean
	DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer deadLetters, RetryProperties retry,
			MeterRegistry meterRegistry) {
		ConsumerRecordRecoverer recoverer = (record, exception) -> {
			deadLetters.accept(record, exception);
			// The container runs the recoverer on the consumer thread, which knows its group.
			String group = KafkaUtils.getConsumerGroupId();
			meterRegistry.counter("events.dead.lettered", "group", String.valueOf(group)).increment();
			logger.warn("dead-lettered group={} topic={} partition={} offset={} key={} reason={}", group,
					record.topic(), record.partition(), record.offset(), LogText.printable(String.valueOf(record.key())),
					LogText.printable(reason(exception)));
		};
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
		// A receipt the broker did not take is the broker's problem, not the event's: wait for the
		// broker, however long, instead of dead-lettering an event that was processed.
		errorHandler.setBackOffFunction((record, exception) -> causedBy(exception, ReceiptNotAcknowledgedException.class)
				? new FixedBackOff(retry.maxInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		errorHandler.setRetryListeners((record, exception, deliveryAttempt) -> logger.warn(
				"attempt {} failed group={} topic={} partition={} offset={} key={} reason={}", deliveryAttempt,
				KafkaUtils.getConsumerGroupId(), record.topic(), record.partition(), record.offset(),
				LogText.printable(String.valueOf(record.key())), LogText.printable(reason(exception))));
		return errorHandler;
	}

	private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Puts the delivery attempt in a header, so that a listener can tell a retry from a first
	 * attempt (failures on purpose depend on it).
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> deliveryAttemptHeader() {
		return (container) -> container.getContainerProperties().setDeliveryAttemptHeader(true);
	}

	private static String reason(Exception exception) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
