package dev.kafkapatterns.bench.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.DeliveryReceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReceiptFieldsTests {

	@Test
	void readsAReceiptAsTheConsumersWriteIt() {
		Instant processedAt = Instant.parse("2026-11-26T04:01:13.123456789Z");
		byte[] json = JsonMapper.builder()
			.build()
			.writeValueAsBytes(new DeliveryReceipt("e-1", "fanout-audit", "fanout-audit", "audit-1", 3, 42, processedAt));

		assertThat(ReceiptFields.read(json)).isEqualTo(new ReceiptFields("e-1", "fanout-audit", processedAt));
	}

	@Test
	void skipsFieldsItDoesNotKnowWhateverTheirShape() {
		assertThat(read("""
				{"extra":{"nested":[1,{"eventId":"not this one"}]},"eventId":"e-2","group":"queue-workers",
				 "processedAt":"2026-11-26T04:01:13Z","more":null}"""))
			.isEqualTo(new ReceiptFields("e-2", "queue-workers", Instant.parse("2026-11-26T04:01:13Z")));
	}

	@Test
	void readsATimestampWithAnOffset() {
		assertThat(read("{\"eventId\":\"e\",\"group\":\"g\",\"processedAt\":\"2026-11-26T06:01:13+02:00\"}")
			.processedAt()).isEqualTo(Instant.parse("2026-11-26T04:01:13Z"));
	}

	@Test
	void aReceiptWithoutOneOfTheFieldsIsUnreadable() {
		assertThat(read("{\"eventId\":\"e\",\"processedAt\":\"2026-11-26T04:01:13Z\"}")).isNull();
		assertThat(read("{\"eventId\":\"e\",\"group\":\"g\",\"processedAt\":null}")).isNull();
		assertThat(read("[\"eventId\"]")).isNull();
	}

	@Test
	void brokenJsonIsAnError() {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> read("{\"eventId\":"));
	}

	private static ReceiptFields read(String json) {
		return ReceiptFields.read(json.getBytes(StandardCharsets.UTF_8));
	}

}
