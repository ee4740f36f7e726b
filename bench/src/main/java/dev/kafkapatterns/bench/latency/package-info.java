/**
 * Publish-to-processed latency at a fixed offered rate, open loop, corrected for coordinated omission.
 */
package dev.kafkapatterns.bench.latency;
