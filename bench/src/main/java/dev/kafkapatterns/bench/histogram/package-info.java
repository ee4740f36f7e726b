/**
 * Latency histograms (HdrHistogram) and their summary, shared by the scenarios that measure
 * latency and the report that prints it.
 */
package dev.kafkapatterns.bench.histogram;
