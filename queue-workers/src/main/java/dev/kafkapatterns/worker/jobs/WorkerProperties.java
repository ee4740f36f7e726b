package dev.kafkapatterns.worker.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker ({@code worker.*}).
 *
 * @param defaultWork simulated work for a job whose payload has no {@code workMs}
 * @param maxWork the most simulated work any job may ask for; longer requests are cut to it
 * @param concurrency listener threads per instance; each is its own member of the group
 * @param completedIdsMax how many completed job ids an instance remembers to skip redeliveries
 * @param mode {@code group} (a consumer group, the default) or {@code share} (a share group)
 */
@Validated
@ConfigurationProperties("worker")
public record WorkerProperties(@DefaultValue("100ms") @NotNull Duration defaultWork,
		@DefaultValue("10s") @NotNull Duration maxWork, @DefaultValue("1") @Min(1) @Max(64) int concurrency,
		@DefaultValue("100000") @Min(1) long completedIdsMax, @DefaultValue("group") @NotNull WorkerMode mode) {
}
