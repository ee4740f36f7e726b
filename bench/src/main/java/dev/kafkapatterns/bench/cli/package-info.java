/**
 * The command line, {@code java -jar bench/target/bench.jar}, and the order a run goes in.
 */
package dev.kafkapatterns.bench.cli;
