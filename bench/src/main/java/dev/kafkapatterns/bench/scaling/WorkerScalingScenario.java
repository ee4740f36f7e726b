package dev.kafkapatterns.bench.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kafkapatterns.bench.kafka.EventWriter;
import dev.kafkapatterns.bench.kafka.GroupAdmin;
import dev.kafkapatterns.bench.kafka.GroupDeliveries;
import dev.kafkapatterns.bench.kafka.ReceiptWatcher;
import dev.kafkapatterns.bench.stack.TargetStack;
import dev.kafkapatterns.bench.stack.WorkerMode;

/**
 * Worker scaling: for each worker count, scale the workers ({@code scale N}), wait until their
 * group has settled, let every group process N × warm-up jobs unmeasured, then write N ×
 * jobs-per-worker jobs of {@code workMs} each straight to the topic ({@link EventWriter}: all
 * there within a fraction of a second, keys spread evenly over the partitions), and time them
 * from the first write to the last receipt of the workers' group. Efficiency is the rate against
 * linear: N × the 1-worker rate. Before the next step the fanout groups catch up too, so that one
 * step's backlog does not slow the next.
 * <p>
 * The warm-up makes the steps alike: the 1-worker rate comes from a worker that has run since
 * the stack started, while the workers a step adds are new JVMs, whose first jobs come late and
 * with pauses while their code is compiled and loaded. Without it, a step would measure that
 * start as well as the scaling.
 */
public final class WorkerScalingScenario {

	private final TargetStack stack;

	private final GroupAdmin admin;

	private final ReceiptWatcher receipts;

	private final EventWriter writer;

	private final ScalingSettings settings;

	public WorkerScalingScenario(TargetStack stack, GroupAdmin admin, ReceiptWatcher receipts, EventWriter writer,
			ScalingSettings settings) {
		this.stack = stack;
		this.admin = admin;
		this.receipts = receipts;
		this.writer = writer;
		this.settings = settings;
	}

	/**
	 * Runs every step.
	 * @param allGroups every group that processes the jobs, the workers' included
	 * @param partitions the partition count of the {@code events} topic
	 * @param timeout how long each step's jobs may take
	 * @return each step's rate and efficiency
	 */
	public ScalingResult run(List<String> allGroups, int partitions, Duration timeout) throws InterruptedException {
		WorkerMode mode = this.settings.mode();
		List<ScalingStep> steps = new ArrayList<>();
		Double perWorkerRate = null;
		for (int workers : this.settings.workers()) {
			this.stack.scaleWorkers(workers, Duration.ofMinutes(3));
			int members = workers * this.settings.membersPerWorker();
			this.admin.awaitSettled(mode, members, partitions, Duration.ofMinutes(2));
			warmUp(workers, partitions, allGroups, timeout);
			int jobs = workers * this.settings.jobsPerWorker();
			List<String> keys = PartitionKeys.balanced(jobs, partitions, "job-" + workers + "-");
			// Made before the clock starts, as the drain's backlog is.
			EventWriter.Backlog backlog = this.writer.prepare("bench.job", keys, this::jobPayload);
			Instant start = Instant.now();
			List<String> ids = this.writer.write(backlog);
			boolean complete = this.receipts.awaitAll(ids, List.of(mode.groupId()), timeout);
			GroupDeliveries deliveries = this.receipts.deliveries(mode.groupId(), ids);
			double seconds = Duration.between(start, deliveries.last().orElse(Instant.now())).toNanos() / 1e9;
			double rate = (seconds > 0) ? deliveries.processed() / seconds : 0;
			if (perWorkerRate == null) {
				perWorkerRate = rate / workers;
			}
			double linear = perWorkerRate * workers;
			steps.add(new ScalingStep(workers, members, jobs, seconds, rate, linear, (linear > 0) ? rate / linear : 0,
					complete, deliveries.missing(), deliveries.duplicates()));
			// Not measured: the fanout groups finish the same jobs before the next step starts.
			this.receipts.awaitAll(ids, allGroups, timeout);
		}
		return new ScalingResult(mode.flagValue(), mode.groupId(), this.settings.workMs(),
				this.settings.warmupJobsPerWorker(), partitions, steps);
	}

	/** Jobs like the measured ones, that every group processes before the step's jobs are written. */
	private void warmUp(int workers, int partitions, List<String> allGroups, Duration timeout) throws InterruptedException {
		int jobs = workers * this.settings.warmupJobsPerWorker();
		if (jobs == 0) {
			return;
		}
		List<String> keys = PartitionKeys.balanced(jobs, partitions, "warmup-job-" + workers + "-");
		List<String> ids = this.writer.write("bench.job-warmup", keys, this::jobPayload);
		if (!this.receipts.awaitAll(ids, allGroups, timeout)) {
			throw new IllegalStateException("the warm-up jobs of the " + workers
					+ "-worker step were not all processed within " + timeout.toSeconds() + " s");
		}
	}

	private Map<String, Object> jobPayload(int n) {
		return Map.of("n", n, "workMs", this.settings.workMs());
	}

	/**
	 * How the scaling scenario runs.
	 *
	 * @param mode how the workers consume
	 * @param workers the worker counts, in order; the first sets the per-worker rate (1 by default)
	 * @param jobsPerWorker jobs per worker in each step
	 * @param warmupJobsPerWorker jobs per worker processed before each step, not measured
	 * @param workMs each job's simulated work
	 * @param membersPerWorker group members per worker process ({@code worker.concurrency})
	 */
	public record ScalingSettings(WorkerMode mode, List<Integer> workers, int jobsPerWorker, int warmupJobsPerWorker,
			int workMs, int membersPerWorker) {

		public ScalingSettings {
			workers = List.copyOf(workers);
		}

	}

	/**
	 * The steps of one scaling run.
	 *
	 * @param mode {@code group} or {@code share}
	 * @param group the workers' group
	 * @param workMs each job's simulated work
	 * @param warmupJobsPerWorker jobs per worker processed before each step, not measured (0 in
	 * results from before the warm-up)
	 * @param partitions partitions of the {@code events} topic: group mode's ceiling
	 * @param steps one per worker count
	 */
	public record ScalingResult(String mode, String group, int workMs, int warmupJobsPerWorker, int partitions,
			List<ScalingStep> steps) {
	}

	/**
	 * One worker count.
	 *
	 * @param workers worker processes
	 * @param members group members
	 * @param jobs jobs published
	 * @param seconds first write to last receipt
	 * @param jobsPerSecond jobs processed per second
	 * @param linearJobsPerSecond workers × the first step's rate per worker
	 * @param efficiency jobsPerSecond / linearJobsPerSecond
	 * @param complete whether every job was processed in time
	 * @param missing jobs not processed in time
	 * @param duplicates receipts beyond one per job
	 */
	public record ScalingStep(int workers, int members, int jobs, double seconds, double jobsPerSecond,
			double linearJobsPerSecond, double efficiency, boolean complete, int missing, long duplicates) {
	}

}
