package dev.kafkapatterns.support.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code kafka} health component ({@code management.health.kafka.*}).
 *
 * @param timeout how long a health check waits for the cluster to answer before it reports
 * {@code DOWN}
 */
@Validated
@ConfigurationProperties("management.health.kafka")
public record KafkaHealthProperties(@DefaultValue("2s") @NotNull Duration timeout) {
}
