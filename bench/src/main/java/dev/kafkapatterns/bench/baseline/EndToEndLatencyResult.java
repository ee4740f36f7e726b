package dev.kafkapatterns.bench.baseline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing lines of Kafka's {@code EndToEndLatency}: one record at a time, sent with the
 * given acks and read back by a consumer, {@code Avg latency: 1.2345 ms} and
 * {@code Percentiles: 50th = 1, 99th = 3, 99.9th = 12} (whole milliseconds).
 *
 * @param records round trips
 * @param averageMs mean round trip
 * @param p50Ms median round trip
 * @param p99Ms 99th percentile round trip
 * @param p999Ms 99.9th percentile round trip
 */
public record EndToEndLatencyResult(int records, double averageMs, int p50Ms, int p99Ms, int p999Ms) {

	private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");

	private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

	/**
	 * Reads the tool's output.
	 * @param output its lines
	 * @param records how many round trips it was asked for
	 * @return the result
	 * @throws IllegalArgumentException when the closing lines are missing
	 */
	public static EndToEndLatencyResult parse(List<String> output, int records) {
		Double average = null;
		for (String line : output) {
			Matcher averageLine = AVERAGE.matcher(line);
			if (averageLine.find()) {
				average = Double.parseDouble(averageLine.group(1));
			}
			Matcher percentiles = PERCENTILES.matcher(line);
			if (percentiles.find() && average != null) {
				return new EndToEndLatencyResult(records, average, Integer.parseInt(percentiles.group(1)),
						Integer.parseInt(percentiles.group(2)), Integer.parseInt(percentiles.group(3)));
			}
		}
		throw new IllegalArgumentException("No EndToEndLatency result in its output:\n" + String.join("\n", output));
	}

}
