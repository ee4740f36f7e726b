package dev.kafkapatterns.producer.tracking;

import jakarta.validation.constraints.Max;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Memory and time bounds of delivery tracking ({@code app.tracking.*}).
 *
 * @param maxEvents the most events remembered; the least recently used are forgotten first
 * @param maxDeliveriesPerEvent the most deliveries remembered per event (redeliveries included)
 * @param replay how far back an instance reads the receipts when it starts
 */
@Validated
@ConfigurationProperties("app.tracking")
public record TrackingProperties(@DefaultValue("10000") @Min(1) @Max(10_000_000) long maxEvents,
		@DefaultValue("64") @Min(1) @Max(10_000) int maxDeliveriesPerEvent, @DefaultValue("1h") @NotNull Duration replay) {
}
