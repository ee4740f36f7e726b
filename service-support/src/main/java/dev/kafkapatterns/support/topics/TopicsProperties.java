package dev.kafkapatterns.support.topics;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics of the system ({@code app.topics.*}). The producer-service creates them; the
 * consumers only read the names.
 *
 * @param events the topic every event is published to
 * @param receipts the topic consumers publish delivery receipts to
 * @param deadLetter the topic consumers publish records they could not process to
 * @param partitions the partition count of each topic, which is also the most consumers of one
 * group that can work at once
 * @param replicationFactor the replication factor of each topic
 */
@Validated
@ConfigurationProperties("app.topics")
public record TopicsProperties(@DefaultValue("events") @NotBlank String events,
		@DefaultValue("event-receipts") @NotBlank String receipts,
		@DefaultValue("events.DLT") @NotBlank String deadLetter, @DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor) {
}
