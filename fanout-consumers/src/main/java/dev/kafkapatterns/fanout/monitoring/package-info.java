/**
 * The monitoring role: counts every event per type as Micrometer metrics and logs a periodic
 * summary, in group {@code fanout-monitoring}.
 */
package dev.kafkapatterns.fanout.monitoring;
