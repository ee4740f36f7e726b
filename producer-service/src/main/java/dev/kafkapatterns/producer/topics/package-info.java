/**
 * The topics of the system, created by this service at start-up.
 */
package dev.kafkapatterns.producer.topics;
