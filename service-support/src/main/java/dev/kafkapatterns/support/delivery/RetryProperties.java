package dev.kafkapatterns.support.delivery;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a consumer retries an event whose processing failed ({@code app.retry.*}) before it
 * publishes the event to the dead-letter topic. Retries are blocking: the partition waits, so
 * the order of events per key is kept.
 *
 * @param maxRetries retries after the first attempt; 0 sends a failed event straight to the
 * dead-letter topic
 * @param initialInterval the wait before the first retry
 * @param multiplier how much each wait grows
 * @param maxInterval the longest wait
 */
@Validated
@ConfigurationProperties("app.retry")
public record RetryProperties(@DefaultValue("3") @Min(0) int maxRetries,
		@DefaultValue("500ms") @NotNull Duration initialInterval, @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
		@DefaultValue("5s") @NotNull Duration maxInterval) {
}
