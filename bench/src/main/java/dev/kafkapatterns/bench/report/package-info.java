/**
 * The results: the targets, the Markdown table, the JSON and the PNG charts.
 */
package dev.kafkapatterns.bench.report;
