package dev.kafkapatterns.support.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTests {

	private final DeadLetterHeaders headers = new DeadLetterHeaders();

	@Test
	void theReasonIsTheRootCauseAndTheOriginIsTopicPartitionAtOffset() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("events", 3, 1207L, "customer-3", "{}");
		Exception failure = new ListenerExecutionFailedException("Listener failed",
				new IllegalStateException("wrapper", new IllegalArgumentException("amount must be positive")));

		Headers added = this.headers.apply(record, failure);

		assertThat(text(added, DeadLetterHeaders.REASON)).isEqualTo("amount must be positive");
		assertThat(text(added, DeadLetterHeaders.ORIGIN)).isEqualTo("events-3@1207");
	}

	@Test
	void anExceptionWithoutAMessageIsNamedByItsType() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("events", 0, 5L, "k", "{}");

		assertThat(text(this.headers.apply(record, new NullPointerException()), DeadLetterHeaders.REASON))
			.isEqualTo("NullPointerException");
	}

	private static String text(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
