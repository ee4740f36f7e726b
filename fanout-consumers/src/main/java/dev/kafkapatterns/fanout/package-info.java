/**
 * The fanout pattern: several services on one topic, each in its own consumer group, so each
 * receives every event. One package per role: {@code audit}, {@code notifications},
 * {@code monitoring}.
 */
package dev.kafkapatterns.fanout;
