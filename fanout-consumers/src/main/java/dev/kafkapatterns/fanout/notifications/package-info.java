/**
 * The notifications role: a human-readable message for every event, in group
 * {@code fanout-notifications}.
 */
package dev.kafkapatterns.fanout.notifications;
