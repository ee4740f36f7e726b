package dev.kafkapatterns.dashboard.publish;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What the page's publish form sends. The dashboard turns it into one batch of {@code count}
 * events for the producer-service, which validates each event as it validates any client's.
 *
 * @param type the event type
 * @param key the key of every event; blank gives each event its own key (its id), so the events
 * spread over the partitions
 * @param payload the payload of every event, a JSON object
 * @param workMs simulated work per event, added to the payload as {@code workMs}
 * @param count how many events, 1 to 1000, sent as one batch
 */
record PublishRequest(@Schema(example = "order.placed") String type,
		@Schema(description = "Blank: each event is keyed by its id", example = "customer-42") String key,
		@Schema(example = "{\"orderId\":\"o-1001\"}") Map<String, Object> payload,
		@Schema(description = "Simulated work per event, ms", example = "100") @Min(0) Integer workMs,
		@Schema(example = "20") @NotNull @Min(1) @Max(1000) Integer count) {
}
