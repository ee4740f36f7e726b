package dev.kafkapatterns.bench.histogram;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram, in milliseconds.
 *
 * @param count values recorded
 * @param meanMs the mean
 * @param p50Ms the median
 * @param p90Ms the 90th percentile
 * @param p99Ms the 99th percentile
 * @param p999Ms the 99.9th percentile
 * @param maxMs the largest value
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
		double maxMs) {

	/** The most a histogram records: one hour, in microseconds. Anything longer counts as an hour. */
	public static final long HIGHEST_MICROS = 3_600_000_000L;

	/** A histogram of microseconds with three significant digits. */
	public static Histogram newHistogram() {
		return new Histogram(HIGHEST_MICROS, 3);
	}

	/**
	 * Records a latency, clamped to what the histogram holds.
	 * @param histogram a histogram from {@link #newHistogram()}
	 * @param micros the latency in microseconds
	 */
	public static void record(Histogram histogram, long micros) {
		histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
	}

	/**
	 * Summarises a histogram of microseconds.
	 * @param micros the histogram
	 * @return its percentiles in milliseconds
	 */
	public static LatencySummary of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
		}
		return new LatencySummary(micros.getTotalCount(), micros.getMean() / 1000.0, millis(micros, 50),
				millis(micros, 90), millis(micros, 99), millis(micros, 99.9), micros.getMaxValue() / 1000.0);
	}

	private static double millis(Histogram micros, double percentile) {
		return micros.getValueAtPercentile(percentile) / 1000.0;
	}

}
