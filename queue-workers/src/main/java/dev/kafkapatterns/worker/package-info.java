/**
 * The queue pattern: N instances share one consumer group, so each event is processed by exactly
 * one of them.
 */
package dev.kafkapatterns.worker;
