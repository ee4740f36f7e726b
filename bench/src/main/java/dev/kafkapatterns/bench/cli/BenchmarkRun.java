package dev.kafkapatterns.bench.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kafkapatterns.bench.baseline.Baselines;
import dev.kafkapatterns.bench.cli.BenchPlan.Scenario;
import dev.kafkapatterns.bench.cpu.CpuMeter;
import dev.kafkapatterns.bench.drain.DrainScenario;
import dev.kafkapatterns.bench.drain.DrainScenario.DrainResult;
import dev.kafkapatterns.bench.kafka.EventWriter;
import dev.kafkapatterns.bench.kafka.GroupAdmin;
import dev.kafkapatterns.bench.kafka.ReceiptWatcher;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.LatencyResult;
import dev.kafkapatterns.bench.report.BenchmarkResults;
import dev.kafkapatterns.bench.report.Machine;
import dev.kafkapatterns.bench.report.ReportWriter;
import dev.kafkapatterns.bench.rest.EventsApi;
import dev.kafkapatterns.bench.rest.RestPublishScenario;
import dev.kafkapatterns.bench.rest.RestResult;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingResult;
import dev.kafkapatterns.bench.stack.ExternalStack;
import dev.kafkapatterns.bench.stack.LocalStackProcess;
import dev.kafkapatterns.bench.stack.TargetStack;
import dev.kafkapatterns.bench.stack.WorkerMode;

/**
 * One run, in an order that keeps the scenarios apart: the baselines while the stack is idle; the
 * drain, the latency and the scaling scenarios, each waiting until every group has processed its
 * events; and REST publishing last, because it publishes far more events than the consumers
 * could process in the run. A scenario that fails is reported and the others still run.
 */
final class BenchmarkRun {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** How long a first start after a build may take to make its class data archives. */
	private static final Duration CLASS_DATA_TIMEOUT = Duration.ofMinutes(10);

	private final BenchPlan plan;

	private final Map<String, String> failures = new LinkedHashMap<>();

	private final Map<String, Double> loadAverages = new LinkedHashMap<>();

	private final CpuMeter cpu = new CpuMeter(Runtime.getRuntime().availableProcessors());

	BenchmarkRun(BenchPlan plan) {
		this.plan = plan;
	}

	/** Runs and writes the results; the exit code. */
	int execute() throws InterruptedException {
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String runId = String.valueOf(started.getEpochSecond());
		Baselines baselines = null;
		DrainResult drain = null;
		LatencyResult latency = null;
		List<LatencyResult> latencySweep = new ArrayList<>();
		ScalingResult scaling = null;
		RestResult single = null;
		RestResult batch = null;
		String stackDescription;
		try (TargetStack stack = startStack();
				GroupAdmin admin = new GroupAdmin(stack.bootstrapServers());
				EventsApi api = new EventsApi(stack.producerUrl())) {
			stackDescription = stack.describe();
			int partitions = admin.partitionCount(BenchPlan.EVENTS_TOPIC);
			List<String> groups = this.plan.groups();
			if (this.plan.runs(Scenario.BASELINES)) {
				step("baselines", "baselines: ProducerPerformance, ConsumerPerformance, EndToEndLatency");
				baselines = attempt("baselines", () -> Baselines.run(stack.bootstrapServers(), this.plan.baselines(),
						partitions, admin, this.plan.logs(), runId));
			}
			try (ReceiptWatcher receipts = ReceiptWatcher.start(stack.bootstrapServers(), BenchPlan.RECEIPTS_TOPIC);
					EventWriter writer = new EventWriter(stack.bootstrapServers(), BenchPlan.EVENTS_TOPIC)) {
				if (this.plan.runs(Scenario.DRAIN)) {
					drain = attempt("drain", () -> drain(api, writer, receipts, admin, groups));
				}
				if (this.plan.runs(Scenario.LATENCY)) {
					latency = latency(OpenLoopLatencyScenario.STEP, this.plan.latencyRate(), api, receipts, groups);
					for (double rate : this.plan.latencySweep()) {
						LatencyResult atRate = latency(OpenLoopLatencyScenario.sweepStep(rate), rate, api, receipts, groups);
						if (atRate != null) {
							latencySweep.add(atRate);
						}
					}
				}
				if (this.plan.runs(Scenario.SCALING) && !stack.controlsProcesses()) {
					progress("worker scaling skipped: it scales the workers, so it needs a stack the benchmark starts");
				}
				else if (this.plan.runs(Scenario.SCALING)) {
					step("scaling", "worker scaling: " + this.plan.scaling().workers() + " workers, workMs="
							+ this.plan.scaling().workMs() + ", " + this.plan.scaling().mode().flagValue() + " mode");
					scaling = attempt("scaling", () -> new WorkerScalingScenario(stack, admin, receipts, writer,
							this.plan.scaling()).run(groups, partitions, this.plan.settleTimeout()));
				}
			}
			if (this.plan.runs(Scenario.REST)) {
				if (stack.controlsProcesses() && !this.plan.restWithConsumers()) {
					attempt("stopping the consumers", () -> stopConsumers(stack, admin));
				}
				RestPublishScenario rest = new RestPublishScenario(api, this.plan.rest());
				step("REST single", "REST: single events, " + this.plan.rest().singleConcurrency() + " connections");
				single = attempt("REST single", rest::single);
				step("REST batch", "REST: batches of " + this.plan.rest().batchSize() + ", " + this.plan.rest().batchConcurrency()
						+ " connections");
				batch = attempt("REST batch", rest::batch);
			}
			step("end", stack.controlsProcesses() ? "stopping the stack" : "done with the stack");
		}
		finally {
			this.cpu.close();
		}
		BenchmarkResults results = new BenchmarkResults(started.toString(), this.plan.command(), Machine.describe(),
				stackDescription, ProjectDirectory.commit(this.plan.project()), this.plan.localStack().workers(),
				this.plan.localStack().workerMode().flagValue(), this.plan.groups(), baselines, single, batch,
				this.plan.restWithConsumers() || !this.plan.startsStack(), drain, latency, latencySweep, scaling, this.failures,
				this.loadAverages, this.cpu.steps(), List.of())
			.withTargets();
		try {
			ReportWriter.write(results, this.plan.output());
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not write the results to " + this.plan.output() + ": " + ex.getMessage());
			return 1;
		}
		System.out.println();
		System.out.println(ReportWriter.targetsTable(results));
		System.out.println();
		progress("results in " + this.plan.output().toAbsolutePath());
		this.failures.forEach((scenario, why) -> System.err.println(scenario + " failed: " + why));
		return this.failures.isEmpty() ? 0 : 1;
	}

	private TargetStack startStack() throws InterruptedException {
		if (!this.plan.startsStack()) {
			return new ExternalStack(this.plan.bootstrapServers(), this.plan.producerUrl());
		}
		progress("starting local-stack with " + this.plan.localStack().workers() + " workers (log: "
				+ this.plan.localStack().logFile() + ")");
		LocalStackProcess stack = LocalStackProcess.start(this.plan.localStack());
		progress("stack ready: Kafka " + stack.bootstrapServers() + ", producer-service " + stack.producerUrl());
		if (stack.makingClassData()) {
			// The first start after a build makes them once ready, at the lowest CPU priority; they
			// would still take the cores from the baselines, which leave some idle.
			progress("waiting for local-stack's class data archives, made once after a build");
			if (!stack.awaitClassData(CLASS_DATA_TIMEOUT)) {
				progress("the class data archives were not done within " + CLASS_DATA_TIMEOUT.toMinutes()
						+ " min; measuring anyway");
			}
		}
		return stack;
	}

	private DrainResult drain(EventsApi api, EventWriter writer, ReceiptWatcher receipts, GroupAdmin admin,
			List<String> groups) throws InterruptedException {
		if (this.plan.warmupEvents() > 0) {
			step("warm-up", "warm-up: " + this.plan.warmupEvents() + " events through the API and as many written "
					+ "to the topic, through every group (not measured)");
			if (!DrainScenario.warmUp(api, writer, receipts, groups, this.plan.warmupEvents(), this.plan.settleTimeout())) {
				throw new IllegalStateException("the warm-up events were not all processed within "
						+ this.plan.settleTimeout().toSeconds() + " s");
			}
		}
		step("drain", "drain: a backlog of " + this.plan.drainEvents() + " events");
		return DrainScenario.run(writer, receipts, admin, groups, this.plan.drainEvents(), this.plan.settleTimeout());
	}

	private LatencyResult latency(String step, double rate, EventsApi api, ReceiptWatcher receipts, List<String> groups)
			throws InterruptedException {
		step(step, step + ": " + rate + " events/s for " + this.plan.latencyDuration().toSeconds() + " s, open loop, after "
				+ this.plan.latencyWarmup().toSeconds() + " s of warm-up at that rate");
		return attempt(step, () -> OpenLoopLatencyScenario.run(api, receipts, groups, rate, this.plan.latencyWarmup(),
				this.plan.latencyDuration(), this.plan.settleTimeout()));
	}

	/** The producer-service alone with the broker: every consumer stopped, as in the REST figures. */
	private Void stopConsumers(TargetStack stack, GroupAdmin admin) throws InterruptedException {
		step("stopping the consumers", "stopping the consumers, so the producer-service is alone with the broker");
		stack.stopProcesses(this.plan.fanoutGroups());
		stack.scaleWorkers(0, Duration.ofMinutes(2));
		List<String> consumerGroups = new ArrayList<>(this.plan.fanoutGroups());
		if (this.plan.localStack().workerMode() == WorkerMode.GROUP) {
			consumerGroups.add(WorkerMode.GROUP.groupId());
		}
		if (!admin.awaitEmpty(consumerGroups, Duration.ofMinutes(2))) {
			throw new IllegalStateException("the consumer groups still had members 2 minutes after their processes were stopped");
		}
		return null;
	}

	private <T> T attempt(String scenario, Step<T> step) throws InterruptedException {
		try {
			return step.run();
		}
		catch (RuntimeException ex) {
			String why = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			this.failures.put(scenario, why);
			progress(scenario + " failed: " + why);
			return null;
		}
	}

	/** Says what starts, notes how busy the machine is as it starts, and ends the CPU count of the step before. */
	private void step(String name, String message) {
		this.loadAverages.put(name, Machine.loadAverage());
		this.cpu.step(name);
		progress(message);
	}

	private static void progress(String message) {
		System.out.println(CLOCK.format(LocalTime.now()) + " bench | " + message);
	}

	@FunctionalInterface
	private interface Step<T> {

		T run() throws InterruptedException;

	}

}
