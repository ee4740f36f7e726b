package dev.kafkapatterns.producer.publish;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing limits ({@code app.publish.*}).
 *
 * @param ackTimeout how long a request waits for the broker's acknowledgement before it is
 * answered with 503; the Kafka producer's own timeouts follow it
 * @param maxBodySize the largest request body; larger ones get 413 before they are parsed
 * @param maxBatchSize the most events in one batch
 * @param retryAfter the {@code Retry-After} a 503 suggests
 */
@Validated
@ConfigurationProperties("app.publish")
public record PublishProperties(@DefaultValue("5s") @NotNull Duration ackTimeout,
		@DefaultValue("256KB") @NotNull DataSize maxBodySize, @DefaultValue("1000") @Min(1) @Max(100_000) int maxBatchSize,
		@DefaultValue("5s") @NotNull Duration retryAfter) {

	public PublishProperties {
		if (ackTimeout.toMillis() < 1000) {
			throw new IllegalArgumentException("app.publish.ack-timeout must be at least 1s, was " + ackTimeout);
		}
	}

}
