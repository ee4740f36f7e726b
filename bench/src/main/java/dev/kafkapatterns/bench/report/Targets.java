package dev.kafkapatterns.bench.report;

import java.util.ArrayList;
import java.util.List;

import dev.kafkapatterns.bench.drain.DrainScenario.GroupDrain;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.GroupLatency;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingStep;

/**
 * The targets of issue 7, each a ratio to a Kafka tool's figure from the same run. A figure whose
 * events were not all processed fails its target whatever its rate.
 */
final class Targets {

	static final double DRAIN_MIN = 0.03;

	static final double LATENCY_MAX = 10;

	static final double REST_BATCH_MIN = 0.30;

	static final double REST_SINGLE_MIN = 0.015;

	static final double SCALING_MIN = 0.90;

	private Targets() {
	}

	static List<TargetCheck> evaluate(BenchmarkResults results) {
		List<TargetCheck> checks = new ArrayList<>();
		if (results.baselines() == null) {
			return checks;
		}
		double produced = results.baselines().producer().recordsPerSecond();
		String producer = "ProducerPerformance";
		if (results.drain() != null) {
			for (GroupDrain group : results.drain().groups()) {
				checks.add(TargetCheck.atLeast("drain of " + results.drain().events() + ", " + group.group(),
						group.eventsPerSecond(), "events/s", producer, produced, "records/s", DRAIN_MIN, "≥ 3%", group.missing() == 0));
			}
		}
		if (results.latency() != null) {
			double endToEnd = endToEndP99(results);
			for (GroupLatency group : results.latency().groups()) {
				checks.add(TargetCheck.atMost(
						"publish→processed p99 at " + Math.round(results.latency().offeredPerSecond()) + "/s, " + group.group(),
						group.latency().p99Ms(), "ms", "EndToEndLatency p99", endToEnd, LATENCY_MAX, "≤ 10×",
						group.missing() == 0 && results.latency().errors() == 0));
			}
		}
		if (results.restBatch() != null) {
			checks.add(TargetCheck.atLeast("REST " + results.restBatch().name() + ", " + results.restBatch().concurrency()
					+ " connections", results.restBatch().eventsPerSecond(), "events/s", producer, produced,
					"records/s", REST_BATCH_MIN, "≥ 30%", results.restBatch().errors() == 0));
		}
		if (results.restSingle() != null) {
			checks.add(TargetCheck.atLeast("REST " + results.restSingle().name() + ", "
					+ results.restSingle().concurrency() + " connections", results.restSingle().requestsPerSecond(),
					"requests/s", producer, produced, "records/s", REST_SINGLE_MIN, "≥ 1.5%", results.restSingle().errors() == 0));
		}
		if (results.scaling() != null) {
			for (ScalingStep step : results.scaling().steps()) {
				if (step.members() <= results.scaling().partitions() && step != results.scaling().steps().get(0)) {
					checks.add(TargetCheck.atLeast("worker scaling, " + step.workers() + " workers ("
							+ results.scaling().mode() + " mode)", step.jobsPerSecond(), "jobs/s",
							"linear (" + step.workers() + " × the " + results.scaling().steps().get(0).workers()
									+ "-worker rate per worker)",
							step.linearJobsPerSecond(), "jobs/s", SCALING_MIN, "≥ 90%", step.complete()));
				}
			}
		}
		return checks;
	}

	/**
	 * EndToEndLatency reports whole milliseconds, so a p99 of 0 means under 1 ms: the target
	 * takes 1 ms then, the tool's resolution.
	 */
	static double endToEndP99(BenchmarkResults results) {
		return Math.max(1, results.baselines().endToEnd().p99Ms());
	}

}
