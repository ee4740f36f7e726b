/**
 * The command line: options, commands on standard input, and signals.
 */
package dev.kafkapatterns.localstack.cli;
