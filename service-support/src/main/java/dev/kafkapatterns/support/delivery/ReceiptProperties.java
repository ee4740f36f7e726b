package dev.kafkapatterns.support.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery receipts ({@code app.receipts.*}).
 *
 * @param sendTimeout how long a consumer waits for the broker to acknowledge a poll's receipts
 * before it retries them; a little longer than the producer's own {@code delivery.timeout.ms}, so
 * a short broker outage costs a pause, not a second run of the side effect
 * @param unhealthyAfter how long receipts may stay unacknowledged before the consumer reports its
 * health {@code DOWN} (component {@code receipts}), so probes see a consumer that is stuck
 * @param producerStartWait how long a consumer, as it starts, waits for its receipts producer to be
 * ready before its listeners start all the same (see {@link ReceiptProducerWarmUp})
 */
@Validated
@ConfigurationProperties("app.receipts")
public record ReceiptProperties(@DefaultValue("130s") @NotNull Duration sendTimeout,
		@DefaultValue("60s") @NotNull Duration unhealthyAfter, @DefaultValue("10s") @NotNull Duration producerStartWait) {
}
