/**
 * The stack: the broker and every service as child processes, started, watched, scaled and
 * stopped. {@link dev.kafkapatterns.localstack.LocalStack} is the Java API.
 */
package dev.kafkapatterns.localstack;
