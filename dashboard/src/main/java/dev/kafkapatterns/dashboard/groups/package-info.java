/**
 * The groups panel: what the broker says about every consumer group and share group, asked
 * with Kafka's {@code Admin} client, which here only describes.
 */
package dev.kafkapatterns.dashboard.groups;
