package dev.kafkapatterns.bench.baseline;

import java.util.List;

/**
 * The result line of Kafka's {@code ConsumerPerformance}, under its header
 * {@code start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
 * rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}.
 *
 * @param records records consumed
 * @param recordsPerSecond records per second, group join included
 * @param megabytesPerSecond MiB per second, group join included
 * @param rebalanceMs time to join the group
 * @param fetchRecordsPerSecond records per second once joined
 */
public record ConsumerPerformanceResult(long records, double recordsPerSecond, double megabytesPerSecond,
		long rebalanceMs, double fetchRecordsPerSecond) {

	/**
	 * Reads the tool's output.
	 * @param output its lines
	 * @return the result
	 * @throws IllegalArgumentException when there is no result line
	 */
	public static ConsumerPerformanceResult parse(List<String> output) {
		boolean afterHeader = false;
		for (String line : output) {
			if (line.startsWith("start.time, end.time")) {
				afterHeader = true;
			}
			else if (afterHeader) {
				String[] fields = line.strip().split(",\\s*");
				if (fields.length >= 10) {
					return new ConsumerPerformanceResult(Long.parseLong(fields[4]), Double.parseDouble(fields[5]),
							Double.parseDouble(fields[3]), Long.parseLong(fields[6]), Double.parseDouble(fields[9]));
				}
			}
		}
		throw new IllegalArgumentException("No ConsumerPerformance result in its output:\n" + String.join("\n", output));
	}

}
