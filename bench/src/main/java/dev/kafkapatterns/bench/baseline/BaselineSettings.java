package dev.kafkapatterns.bench.baseline;

/**
 * How much the baselines run.
 *
 * @param records records for ProducerPerformance, read back by ConsumerPerformance
 * @param recordSize bytes per record, close to an event's JSON envelope
 * @param latencyRecords round trips for EndToEndLatency
 */
public record BaselineSettings(long records, int recordSize, int latencyRecords) {
}
