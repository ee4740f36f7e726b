package dev.kafkapatterns.bench.baseline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.kafkapatterns.bench.kafka.GroupAdmin;

/**
 * Kafka's own tools on the same broker, in the same run: {@code ProducerPerformance} (how fast
 * records go in, with {@code acks=all} like the producer-service), {@code ConsumerPerformance}
 * (how fast one consumer reads them back) and {@code EndToEndLatency} (one record at a time,
 * produce to consume). The figures of the system are put next to these.
 *
 * @param producer ProducerPerformance's summary
 * @param consumer ConsumerPerformance's result
 * @param endToEnd EndToEndLatency's result
 */
public record Baselines(ProducerPerformanceResult producer, ConsumerPerformanceResult consumer,
		EndToEndLatencyResult endToEnd) {

	private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * Runs the three tools, one after the other, on topics of their own.
	 * @param bootstrapServers the broker
	 * @param settings how much to run
	 * @param partitions partitions of the throughput topic, the same as the {@code events} topic's
	 * @param admin creates and deletes the topics
	 * @param logDirectory where each tool's output goes
	 * @param runId makes the topic names unique
	 * @return the three results
	 */
	public static Baselines run(String bootstrapServers, BaselineSettings settings, int partitions, GroupAdmin admin,
			Path logDirectory, String runId) throws InterruptedException {
		String throughputTopic = "bench-perf-" + runId;
		String latencyTopic = "bench-e2e-" + runId;
		admin.createTopic(throughputTopic, partitions);
		admin.createTopic(latencyTopic, 1);
		try {
			List<String> produced = KafkaToolRun.run("org.apache.kafka.tools.ProducerPerformance",
					List.of("--bootstrap-server", bootstrapServers, "--topic", throughputTopic, "--num-records",
							String.valueOf(settings.records()), "--record-size", String.valueOf(settings.recordSize()),
							"--throughput", "-1", "--command-property", "acks=all"),
					logDirectory.resolve("producer-performance.log"), TOOL_TIMEOUT);
			List<String> consumed = KafkaToolRun.run("org.apache.kafka.tools.ConsumerPerformance",
					List.of("--bootstrap-server", bootstrapServers, "--topic", throughputTopic, "--num-records",
							String.valueOf(settings.records()), "--group", "bench-consumer-performance-" + runId,
							"--timeout", "60000"),
					logDirectory.resolve("consumer-performance.log"), TOOL_TIMEOUT);
			List<String> roundTrips = KafkaToolRun.run("org.apache.kafka.tools.EndToEndLatency",
					List.of("--bootstrap-server", bootstrapServers, "--topic", latencyTopic, "--num-records",
							String.valueOf(settings.latencyRecords()), "--producer-acks", "all", "--record-size",
							String.valueOf(settings.recordSize())),
					logDirectory.resolve("end-to-end-latency.log"), TOOL_TIMEOUT);
			return new Baselines(ProducerPerformanceResult.parse(produced), ConsumerPerformanceResult.parse(consumed),
					EndToEndLatencyResult.parse(roundTrips, settings.latencyRecords()));
		}
		finally {
			admin.deleteTopics(List.of(throughputTopic, latencyTopic));
		}
	}

}
