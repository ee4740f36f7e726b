/**
 * Publishing: {@code POST /api/events} and {@code POST /api/events/batch}. An event is answered
 * with 202 only after the broker has acknowledged it, and the answer says where it went.
 */
package dev.kafkapatterns.producer.publish;
