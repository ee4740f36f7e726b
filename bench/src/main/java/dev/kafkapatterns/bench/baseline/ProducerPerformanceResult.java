package dev.kafkapatterns.bench.baseline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary line of Kafka's {@code ProducerPerformance}:
 * {@code 1000000 records sent, 172000.1 records/sec (32.81 MB/sec), 120.5 ms avg latency, …}.
 *
 * @param records records sent
 * @param recordsPerSecond records per second
 * @param megabytesPerSecond MiB per second
 * @param averageLatencyMs mean send-to-acknowledgement latency
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param maxLatencyMs the longest latency
 */
public record ProducerPerformanceResult(long records, double recordsPerSecond, double megabytesPerSecond,
		double averageLatencyMs, int p50Ms, int p99Ms, double maxLatencyMs) {

	private static final Pattern SUMMARY = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
			+ "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

	/**
	 * Reads the tool's output.
	 * @param output its lines
	 * @return the summary
	 * @throws IllegalArgumentException when there is no summary line
	 */
	public static ProducerPerformanceResult parse(List<String> output) {
		for (String line : output) {
			Matcher matcher = SUMMARY.matcher(line.strip());
			if (matcher.find()) {
				return new ProducerPerformanceResult(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
						Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
						Integer.parseInt(matcher.group(6)), Integer.parseInt(matcher.group(8)),
						Double.parseDouble(matcher.group(5)));
			}
		}
		throw new IllegalArgumentException("No ProducerPerformance summary in its output:\n" + String.join("\n", output));
	}

}
