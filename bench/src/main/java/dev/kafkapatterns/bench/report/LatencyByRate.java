package dev.kafkapatterns.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.kafkapatterns.bench.cpu.StepCpu;
import dev.kafkapatterns.bench.histogram.LatencySummary;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.LatencyResult;

/**
 * The table of latency against the offered rate, for a run with {@code --latency-sweep}: one row
 * per rate, lowest first, each with its groups' p50 and p99 and how busy the machine was while
 * it was offered. It shows whether the latency comes from a queue that builds up past some rate,
 * or from the cost of every round trip on a machine that is busy at any rate.
 */
final class LatencyByRate {

	private LatencyByRate() {
	}

	/**
	 * The section, or nothing for a run that offered one rate only.
	 * @param results the run's results
	 * @return its lines
	 */
	static List<String> section(BenchmarkResults results) {
		List<Offered> offered = offered(results);
		if (offered.isEmpty()) {
			return List.of();
		}
		double endToEnd = (results.baselines() != null) ? Targets.endToEndP99(results) : 0;
		List<String> lines = new ArrayList<>(List.of("## Latency against the offered rate", "",
				"The latency scenario again at each rate of `--latency-sweep`, the same way, one after the other on the "
						+ "same stack. The p50 and p99 are the lowest and highest of the groups'; the machine is its busy "
						+ "cores (of " + results.machine().cores() + ") while the rate was offered.",
				"", "| offered/s | achieved/s | not accepted | p50 | p99 | p99 vs EndToEndLatency p99 | machine |",
				"|---|---|---|---|---|---|---|"));
		for (Offered rate : offered) {
			LatencyResult latency = rate.latency();
			DoubleSummaryStatistics p99 = groups(latency, LatencySummary::p99Ms);
			lines.add("| " + MarkdownReport.number(latency.offeredPerSecond()) + " | "
					+ MarkdownReport.number(latency.sentPerSecond()) + " | " + latency.errors() + " | "
					+ range(groups(latency, LatencySummary::p50Ms)) + " | " + range(p99) + " | "
					+ ((endToEnd > 0 && p99.getCount() > 0) ? MarkdownReport.format("%.1f×", p99.getMax() / endToEnd) : "-")
					+ " | " + machine(results.cpu(), rate.step()) + " |");
		}
		lines.add("");
		lines.add("![latency against the offered rate](latency-by-rate.png)");
		lines.add("");
		return lines;
	}

	/**
	 * Every rate offered, lowest first, with the step that offered it; empty for a run that
	 * offered one rate only.
	 * @param results the run's results
	 * @return the rates
	 */
	static List<Offered> offered(BenchmarkResults results) {
		if (results.latency() == null || results.latencySweep().isEmpty()) {
			return List.of();
		}
		List<Offered> offered = new ArrayList<>();
		offered.add(new Offered(OpenLoopLatencyScenario.STEP, results.latency()));
		results.latencySweep()
			.forEach((latency) -> offered.add(new Offered(OpenLoopLatencyScenario.sweepStep(latency.offeredPerSecond()), latency)));
		offered.sort(Comparator.comparingDouble((rate) -> rate.latency().offeredPerSecond()));
		return offered;
	}

	/**
	 * The highest of the groups' values of a percentile.
	 * @param latency one rate's result
	 * @param percentile which percentile
	 * @return its highest value, 0 when no group reported
	 */
	static double slowestGroup(LatencyResult latency, ToDoubleFunction<LatencySummary> percentile) {
		DoubleSummaryStatistics groups = groups(latency, percentile);
		return (groups.getCount() > 0) ? groups.getMax() : 0;
	}

	private static DoubleSummaryStatistics groups(LatencyResult latency, ToDoubleFunction<LatencySummary> percentile) {
		return latency.groups().stream().map((group) -> group.latency()).mapToDouble(percentile).summaryStatistics();
	}

	private static String range(DoubleSummaryStatistics percentiles) {
		if (percentiles.getCount() == 0) {
			return "-";
		}
		String lowest = MarkdownReport.millis(percentiles.getMin());
		String highest = MarkdownReport.millis(percentiles.getMax());
		return lowest.equals(highest) ? lowest : lowest + " – " + highest;
	}

	private static String machine(List<StepCpu> steps, String step) {
		return steps.stream()
			.filter((cpu) -> cpu.step().equals(step) && cpu.machineBusyCores() != null)
			.map((cpu) -> MarkdownReport.format("%.2f", cpu.machineBusyCores()))
			.findFirst()
			.orElse("-");
	}

	/** One offered rate and the step of the run that offered it. */
	record Offered(String step, LatencyResult latency) {
	}

}
