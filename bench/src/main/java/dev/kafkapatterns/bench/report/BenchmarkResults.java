package dev.kafkapatterns.bench.report;

import java.util.List;
import java.util.Map;

import dev.kafkapatterns.bench.baseline.Baselines;
import dev.kafkapatterns.bench.cpu.StepCpu;
import dev.kafkapatterns.bench.drain.DrainScenario.DrainResult;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.LatencyResult;
import dev.kafkapatterns.bench.rest.RestResult;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingResult;

/**
 * Everything one run measured, as written to {@code results.json}. A scenario that was not run,
 * or failed, is {@code null}; {@link #failures()} says why.
 *
 * @param startedAt when the run started (UTC)
 * @param command the command line that produced it
 * @param machine the machine
 * @param stack how the stack was started
 * @param commit the project's git commit, where known
 * @param workers queue workers during the drain and latency scenarios
 * @param workerMode {@code group} or {@code share}
 * @param groups the groups that must each process every event
 * @param baselines Kafka's tools
 * @param restSingle single-event publishing
 * @param restBatch batch publishing
 * @param restWithConsumers whether the consumers ran while REST publishing was measured
 * @param drain the backlog drain
 * @param latency publish-to-processed latency at a fixed rate
 * @param latencySweep the same at the other rates of {@code --latency-sweep}, in the order offered;
 * empty when there were none (and in results written before the option)
 * @param scaling worker scaling
 * @param failures scenario name to what went wrong
 * @param loadAverages the machine's 1-minute load average as each step began, in order
 * @param cpu the CPU used during each step, in order
 * @param targets the targets, measured against the baselines
 */
public record BenchmarkResults(String startedAt, String command, Machine machine, String stack, String commit,
		int workers, String workerMode, List<String> groups, Baselines baselines, RestResult restSingle,
		RestResult restBatch, boolean restWithConsumers, DrainResult drain, LatencyResult latency,
		List<LatencyResult> latencySweep, ScalingResult scaling, Map<String, String> failures, Map<String, Double> loadAverages,
		List<StepCpu> cpu, List<TargetCheck> targets) {

	public BenchmarkResults {
		latencySweep = (latencySweep != null) ? List.copyOf(latencySweep) : List.of();
	}

	/** The same results with the targets evaluated. */
	public BenchmarkResults withTargets() {
		return new BenchmarkResults(this.startedAt, this.command, this.machine, this.stack, this.commit, this.workers,
				this.workerMode, this.groups, this.baselines, this.restSingle, this.restBatch, this.restWithConsumers,
				this.drain, this.latency, this.latencySweep, this.scaling, this.failures, this.loadAverages, this.cpu,
				Targets.evaluate(this));
	}

}
