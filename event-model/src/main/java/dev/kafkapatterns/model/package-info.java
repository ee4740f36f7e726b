/**
 * The shared language of the system: the {@link dev.kafkapatterns.model.Event} envelope that
 * travels on the {@code events} topic, the {@link dev.kafkapatterns.model.DeliveryReceipt} every
 * consumer publishes after processing, and the demo controls an event's payload may carry.
 *
 * <p>Deliberately free of Spring and Kafka so that every service, and any client, can share it.
 */
package dev.kafkapatterns.model;
