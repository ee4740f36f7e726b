package dev.kafkapatterns.support.topics;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

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
 * @param idempotency the compacted topic where the producer-service keeps its answers to
 * {@code Idempotency-Key} requests
 * @param partitions the partition count of each topic, which is also the most consumers of one
 * group that can work at once. Used when a topic is created; an existing topic with another
 * count stops the producer-service at start-up, since changing it would move keys between
 * partitions
 * @param replicationFactor the replication factor of each topic created; {@code min.insync.replicas}
 * is the smaller of 2 and this
 * @param retention how long each topic keeps its records
 */
@Validated
@ConfigurationProperties("app.topics")
public record TopicsProperties(@DefaultValue("events") @NotBlank String events,
		@DefaultValue("event-receipts") @NotBlank String receipts,
		@DefaultValue("events.DLT") @NotBlank String deadLetter,
		@DefaultValue("idempotency-keys") @NotBlank String idempotency, @DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor, @DefaultValue @Valid Retention retention) {

	/**
	 * How long each topic keeps its records ({@code app.topics.retention.*}). The key topic keeps
	 * them for {@code app.publish.idempotency.ttl}.
	 *
	 * @param events how long events stay readable: a consumer group that is down for longer misses
	 * the older ones
	 * @param receipts how long delivery receipts stay; {@code GET /api/events/{id}} can only show
	 * what is younger
	 * @param deadLetter how long dead letters stay for someone to inspect and replay them
	 */
	public record Retention(@DefaultValue("7d") @NotNull Duration events, @DefaultValue("1d") @NotNull Duration receipts,
			@DefaultValue("14d") @NotNull Duration deadLetter) {
	}

}
