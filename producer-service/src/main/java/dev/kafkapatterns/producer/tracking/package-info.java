/**
 * Tracking: {@code GET /api/events/{id}} answers where an event went and which consumer groups
 * have processed it, built from the delivery receipts every consumer publishes. Each instance
 * reads every receipt, and keeps a bounded number of events in memory.
 */
package dev.kafkapatterns.producer.tracking;
