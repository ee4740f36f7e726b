package dev.kafkapatterns.fanout.notifications;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.model.Event;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationRendererTests {

	private final NotificationRenderer renderer = new NotificationRenderer();

	@Test
	void rendersTypeKeyAndPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("orderId", "o-1001");
		payload.put("amount", 42.5);
		Event event = new Event("e-1", "order.placed", "customer-42", payload, Instant.now());

		assertThat(this.renderer.render(event)).isEqualTo("Order placed for customer-42 (orderId=o-1001, amount=42.5)");
	}

	@Test
	void leavesOutAKeyThatIsOnlyTheIdAndShortensLongPayloads() {
		Map<String, Object> payload = new LinkedHashMap<>();
		for (int i = 0; i < 7; i++) {
			payload.put("f" + i, "v".repeat(60));
		}
		Event event = new Event("e-1", "user_signed-up", "e-1", payload, Instant.now());

		String message = this.renderer.render(event);

		assertThat(message).startsWith("User signed up (f0=").doesNotContain(" for ").endsWith(", …)");
		assertThat(message).doesNotContain("f5=").contains("v".repeat(40) + "…");
	}

}
