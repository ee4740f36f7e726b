package dev.kafkapatterns.fanout.monitoring;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The monitoring role ({@code fanout.monitoring.*}).
 *
 * @param summaryInterval how often the summary is logged
 * @param maxTypes how many distinct event types get their own metric; the rest are counted as
 * {@code other}, so a client sending random types cannot exhaust memory or the metrics backend
 */
@Validated
@ConfigurationProperties("fanout.monitoring")
public record MonitoringProperties(@DefaultValue("30s") @NotNull Duration summaryInterval,
		@DefaultValue("100") @Min(1) int maxTypes) {
}
