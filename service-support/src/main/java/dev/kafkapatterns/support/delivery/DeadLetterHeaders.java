package dev.kafkapatterns.support.delivery;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.kafkapatterns.support.errors.ExceptionCauses;

/**
 * The two text headers every dead letter gets on top of Spring Kafka's own: why, in plain words
 * ({@code dlt-reason}: Spring's message header holds the outermost exception, the root cause says
 * what was actually wrong), and where the record came from ({@code dlt-original}:
 * {@code events-3@1207}; Spring's original partition and offset headers are binary).
 */
public class DeadLetterHeaders implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

	/** The dead-letter header that says, in plain words, why the record could not be processed. */
	public static final String REASON = "dlt-reason";

	/** The dead-letter header that says, as text, where the record came from: {@code events-3@1207}. */
	public static final String ORIGIN = "dlt-original";

	@Override
	public Headers apply(ConsumerRecord<?, ?> record, Exception exception) {
		return new RecordHeaders(new Header[] { text(REASON, ExceptionCauses.reason(exception)),
				text(ORIGIN, record.topic() + "-" + record.partition() + "@" + record.offset()) });
	}

	private static Header text(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
