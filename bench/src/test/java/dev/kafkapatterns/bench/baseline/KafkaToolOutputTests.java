package dev.kafkapatterns.bench.baseline;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The tools' output as kafka-tools 4.2 prints it. */
class KafkaToolOutputTests {

	@Test
	void readsProducerPerformanceSummaryAfterTheProgressLines() {
		List<String> output = List.of("500497 records sent, 100099.4 records/sec (19.09 MB/sec), 150.2 ms avg latency, 420.0 ms max latency.",
				"1000000 records sent, 172011.352426 records/sec (32.81 MB/sec), 120.55 ms avg latency, 431.00 ms max latency, 98 ms 50th, 301 ms 95th, 390 ms 99th, 425 ms 99.9th.");

		ProducerPerformanceResult result = ProducerPerformanceResult.parse(output);

		assertThat(result.records()).isEqualTo(1_000_000);
		assertThat(result.recordsPerSecond()).isEqualTo(172011.352426);
		assertThat(result.megabytesPerSecond()).isEqualTo(32.81);
		assertThat(result.p50Ms()).isEqualTo(98);
		assertThat(result.p99Ms()).isEqualTo(390);
		assertThat(result.maxLatencyMs()).isEqualTo(431.0);
	}

	@Test
	void readsConsumerPerformanceResultUnderItsHeader() {
		List<String> output = List.of(
				"start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
				"2026-11-25 13:22:45:120, 2026-11-25 13:22:46:012, 3.8147, 4.2766, 20000, 22421.5247, 656, 236, 16.1640, 84745.7627");

		ConsumerPerformanceResult result = ConsumerPerformanceResult.parse(output);

		assertThat(result.records()).isEqualTo(20000);
		assertThat(result.recordsPerSecond()).isEqualTo(22421.5247);
		assertThat(result.rebalanceMs()).isEqualTo(656);
		assertThat(result.fetchRecordsPerSecond()).isEqualTo(84745.7627);
	}

	@Test
	void readsEndToEndLatencyClosingLines() {
		List<String> output = List.of("0\t45.1", "Avg latency: 7.3312 ms", "Percentiles: 50th = 4, 99th = 48, 99.9th = 186");

		EndToEndLatencyResult result = EndToEndLatencyResult.parse(output, 200);

		assertThat(result).isEqualTo(new EndToEndLatencyResult(200, 7.3312, 4, 48, 186));
	}

	@Test
	void outputWithoutAResultIsAnErrorThatShowsTheOutput() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProducerPerformanceResult.parse(List.of("Connection refused")))
			.withMessageContaining("Connection refused");
		assertThatIllegalArgumentException().isThrownBy(() -> EndToEndLatencyResult.parse(List.of("boom"), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ConsumerPerformanceResult.parse(List.of()));
	}

}
