package dev.kafkapatterns.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.bench.histogram.LatencySummary;
import dev.kafkapatterns.bench.baseline.Baselines;
import dev.kafkapatterns.bench.baseline.ConsumerPerformanceResult;
import dev.kafkapatterns.bench.baseline.EndToEndLatencyResult;
import dev.kafkapatterns.bench.baseline.ProducerPerformanceResult;
import dev.kafkapatterns.bench.cpu.StepCpu;
import dev.kafkapatterns.bench.drain.DrainScenario.DrainResult;
import dev.kafkapatterns.bench.drain.DrainScenario.GroupDrain;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.GroupLatency;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.LatencyResult;
import dev.kafkapatterns.bench.rest.RestResult;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingResult;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingStep;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of a made-up run with the figures: the targets it meets and misses. */
class ReportWriterTests {

	private static final LatencySummary LATENCY = new LatencySummary(100, 20, 15, 40, 60, 70, 80);

	@Test
	void writesTheTablesTheChartsAndTheJson(@TempDir Path directory) throws IOException {
		BenchmarkResults results = results().withTargets();

		ReportWriter.write(results, directory);

		assertThat(directory.resolve("results.json")).content().contains("\"recordsPerSecond\" : 172000.0");
		String readme = Files.readString(directory.resolve("README.md"));
		assertThat(readme).contains("| command | `java -jar bench/target/bench.jar` |")
			.contains("| drain of 20000, fanout-audit | 65.0 events/s | ProducerPerformance: 172,000 records/s | 0.04% | ≥ 3% | **fail** |")
			.contains("| REST batch of 100, 8 connections | 60,000 events/s | ProducerPerformance: 172,000 records/s | 34.9% | ≥ 30% | pass |")
			.contains("| publish→processed p99 at 1000/s, fanout-audit | 60.0 ms | EndToEndLatency p99: 12.0 ms | 5.0× | ≤ 10× | pass |")
			.contains("| worker scaling, 2 workers (group mode) | 45.0 jobs/s | linear (2 × the 1-worker rate per worker): 50.0 jobs/s | 90.0% | ≥ 90% | pass |")
			.contains("after every group processed 100 unmeasured jobs per worker of the step")
			.contains("| offered/s | achieved/s | not accepted | p50 | p99 | p99 vs EndToEndLatency p99 | machine |",
					"| 250 | 250 | 2 | 15.0 ms – 22.0 ms | 60.0 ms – 90.0 ms | 7.5× | 1.90 |\n| 1,000 | 999 | 0 | 15.0 ms | 60.0 ms | 5.0× | 1.96 |")
			.contains("| step | seconds | machine | benchmark | kafka | fanout-consumers | local-stack |",
					"| drain | 4.2 | **1.93** | 0.31 | 0.28 | 0.71 | 0.08 |");
		for (String chart : List.of("throughput.png", "latency.png", "scaling.png", "latency-by-rate.png")) {
			byte[] png = Files.readAllBytes(directory.resolve(chart));
			assertThat(png).as(chart).startsWith(0x89, 'P', 'N', 'G');
			assertThat(readme).contains("(" + chart + ")");
		}
	}

	@Test
	void linksOnlyTheChartsItWrote(@TempDir Path directory) throws IOException {
		BenchmarkResults full = results();
		for (Baselines baselines : Arrays.asList(full.baselines(), null)) {
			BenchmarkResults latencyOnly = new BenchmarkResults(full.startedAt(), full.command(), full.machine(),
					full.stack(), full.commit(), 2, "group", full.groups(), baselines, null, null, false, null,
					full.latency(), full.latencySweep(), null, Map.of(), Map.of(), List.of(), List.of())
				.withTargets();
			Path run = Files.createDirectories(directory.resolve((baselines != null) ? "with-baselines" : "without"));

			ReportWriter.write(latencyOnly, run);

			Matcher links = Pattern.compile("\\]\\(([a-z-]+\\.png)\\)").matcher(Files.readString(run.resolve("README.md")));
			List<String> linked = links.results().map((link) -> link.group(1)).toList();
			assertThat(linked).as("charts linked").contains("latency-by-rate.png");
			assertThat(linked).allSatisfy((chart) -> assertThat(run.resolve(chart)).as(chart).exists());
		}
	}

	@Test
	void readsBackWhatItWrote(@TempDir Path directory) throws IOException {
		BenchmarkResults results = results().withTargets();

		ReportWriter.write(results, directory);

		assertThat(ReportWriter.read(directory)).isEqualTo(results);
	}

	@Test
	void targetsFailWhenEventsWereMissingWhateverTheRate() {
		BenchmarkResults results = results();
		DrainResult partial = new DrainResult(20000, 1, false,
				List.of(new GroupDrain("fanout-audit", 19999, 1, 0, 1, 19999)));
		BenchmarkResults withMissing = new BenchmarkResults(results.startedAt(), results.command(), results.machine(),
				results.stack(), results.commit(), 2, "group", results.groups(), results.baselines(), null, null, false,
				partial, null, List.of(), null, Map.of(), Map.of(), List.of(), List.of())
			.withTargets();

		assertThat(withMissing.targets()).singleElement().satisfies((check) -> {
			assertThat(check.ratio()).isGreaterThan(0.03);
			assertThat(check.pass()).isFalse();
		});
	}

	private static BenchmarkResults results() {
		Baselines baselines = new Baselines(new ProducerPerformanceResult(1_000_000, 172_000, 32.8, 120, 98, 390, 431),
				new ConsumerPerformanceResult(1_000_000, 400_000, 76, 300, 500_000), new EndToEndLatencyResult(5000, 2.5, 2, 12, 30));
		RestResult single = new RestResult("single event", 32, 1, 20, 25_000, 0, 1250, 1250, LATENCY, Map.of(202, 25_000L), 0);
		RestResult batch = new RestResult("batch of 100", 8, 100, 20, 12_000, 0, 600, 60_000, LATENCY, Map.of(202, 12_000L), 0);
		DrainResult drain = new DrainResult(20000, 1.2, true, List.of(new GroupDrain("fanout-audit", 20000, 0, 0, 307.7, 65)));
		LatencyResult latency = new LatencyResult(1000, 20, 20000, 0, Map.of(), 999, LATENCY, true,
				List.of(new GroupLatency("fanout-audit", 20000, 0, 0, LATENCY)));
		LatencySummary slower = new LatencySummary(100, 25, 22, 50, 90, 95, 99);
		List<LatencyResult> latencySweep = List.of(new LatencyResult(250, 20, 5000, 2, Map.of(503, 2L), 249.9, LATENCY, true,
				List.of(new GroupLatency("fanout-audit", 4998, 0, 0, LATENCY), new GroupLatency("queue-workers", 4998, 0, 0, slower))));
		ScalingResult scaling = new ScalingResult("group", "queue-workers", 20, 100, 6,
				List.of(new ScalingStep(1, 1, 300, 12, 25, 25, 1, true, 0, 0),
						new ScalingStep(2, 2, 600, 13.3, 45, 50, 0.9, true, 0, 0)));
		return new BenchmarkResults("2026-11-25T13:22:07Z", "java -jar bench/target/bench.jar",
				new Machine(2, 23.5, "a CPU", "Linux", "OpenJDK 17"), "local-stack", "abc1234", 2, "group",
				List.of("fanout-audit", "queue-workers"), baselines, single, batch, false, drain, latency, latencySweep,
				scaling, Map.of(), Map.of("baselines", 1.5),
				List.of(new StepCpu("drain", 4.2, 1.93,
						Map.of("benchmark", 0.31, "kafka", 0.28, "fanout-consumers", 0.71, "local-stack", 0.08)),
						new StepCpu("latency", 26.0, 1.96, Map.of()), new StepCpu("latency at 250/s", 26.0, 1.9, Map.of())),
				List.of());
	}

}
