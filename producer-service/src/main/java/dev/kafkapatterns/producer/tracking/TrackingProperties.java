package dev.kafkapatterns.producer.tracking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Memory bounds of delivery tracking ({@code app.tracking.*}).
 *
 * @param maxEvents the most events remembered; the least recently used are forgotten first
 * @param maxDeliveriesPerEvent the most deliveries remembered per event (redeliveries included)
 */
@Validated
@ConfigurationProperties("app.tracking")
public record TrackingProperties(@DefaultValue("10000") @Min(1) @Max(10_000_000) long maxEvents,
		@DefaultValue("64") @Min(1) @Max(10_000) int maxDeliveriesPerEvent) {
}
