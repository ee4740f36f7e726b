/**
 * The vocabulary of error answers, shared by every feature: the stable problem types (RFC 9457)
 * and the field problems a 400 lists. It depends on no other package of the service.
 */
package dev.kafkapatterns.producer.problem;
