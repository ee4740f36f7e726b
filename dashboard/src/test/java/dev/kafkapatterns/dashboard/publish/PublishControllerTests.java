package dev.kafkapatterns.dashboard.publish;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch the form's request becomes.
 */
class PublishControllerTests {

	@Test
	void countCopiesWithWorkMsInThePayload() {
		List<Map<String, Object>> batch = PublishController
			.batch(new PublishRequest("order.placed", "c-1", Map.of("orderId", "o-1"), 50, 3));

		assertThat(batch).hasSize(3)
			.allSatisfy((event) -> assertThat(event).containsExactly(Map.entry("type", "order.placed"),
					Map.entry("key", "c-1"), Map.entry("payload", Map.of("orderId", "o-1", "workMs", 50))));
	}

	@Test
	void aBlankKeyIsLeftOutSoEachEventIsKeyedByItsIdAndNoPayloadIsSentWhenThereIsNone() {
		List<Map<String, Object>> batch = PublishController.batch(new PublishRequest("job.created", " ", null, null, 1));

		assertThat(batch).containsExactly(Map.of("type", "job.created"));
	}

}
