package dev.kafkapatterns.support.demo;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's levers ({@code app.demo.*}): the payload fields {@code failFor}/{@code failTimes}
 * (fail on purpose) and {@code workMs} (simulated work). They let any API client stall a
 * partition in every group, so they are off unless a demo asks for them: {@code local-stack} and
 * {@code docker-compose.yml} turn them on. Off, those payload fields are plain data.
 *
 * @param enabled whether payloads may ask for failures and work
 * @param maxBatchWork the most simulated work ({@code workMs} summed) one batch request may ask
 * for; the producer-service refuses a larger batch with 400
 */
@Validated
@ConfigurationProperties("app.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("60s") @NotNull Duration maxBatchWork) {
}
