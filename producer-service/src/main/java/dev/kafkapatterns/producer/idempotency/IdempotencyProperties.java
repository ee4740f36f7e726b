package dev.kafkapatterns.producer.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long and how much the service remembers of {@code Idempotency-Key} requests
 * ({@code app.publish.idempotency.*}).
 *
 * @param ttl how long a key's answer is kept; a retry after that is a new request. Also the
 * retention of the key topic, and how far back an instance reads it when it starts
 * @param maxEvents the most event outcomes kept in memory over all keys (a batch of 100 counts
 * 100); past it the oldest keys are forgotten first
 * @param inFlightTimeout how long a request that has not finished holds its key; after that
 * (the instance died, for example) a retry may take it over, under the same event ids
 */
@Validated
@ConfigurationProperties("app.publish.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") @NotNull Duration ttl,
		@DefaultValue("200000") @Min(1000) @Max(100_000_000) long maxEvents,
		@DefaultValue("30s") @NotNull Duration inFlightTimeout) {
}
