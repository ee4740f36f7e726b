package dev.kafkapatterns.support.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a consumer works through the records of one poll ({@code app.delivery.*}).
 *
 * @param maxBatchTime after this long on one poll's records, a consumer commits what it finished
 * and hands the rest back to the next poll, so slow jobs never hold partitions a rebalance wants
 * to move for long
 * @param completedIdsMax how many processed event ids a consumer remembers, to skip redeliveries
 */
@Validated
@ConfigurationProperties("app.delivery")
public record DeliveryProperties(@DefaultValue("1s") @NotNull Duration maxBatchTime,
		@DefaultValue("100000") @Min(1) long completedIdsMax) {
}
