/**
 * The audit role: every event, appended as one JSON line to the audit trail, in group
 * {@code fanout-audit}.
 */
package dev.kafkapatterns.fanout.audit;
