package dev.kafkapatterns.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts CPU time per step of a run, and turns it into a {@link StepCpu} as the next step begins.
 * The machine's busy time comes from {@code /proc/stat} (every process, the stack's and anyone
 * else's); the per-process figures from {@link ProcessHandle.Info#totalCpuDuration()} of this JVM
 * and of every process it started: Kafka's tools and, when the benchmark started the stack,
 * local-stack and its children (a stack started by someone else shows only in the machine's
 * figure). Processes are sampled every half second as well, so one that ends during a step (a
 * baseline tool, a worker scaled in) still counts, up to its last sample.
 */
public final class CpuMeter implements AutoCloseable {

	private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(500);

	private final int cores;

	private final List<StepCpu> steps = new ArrayList<>();

	/** Every process seen since the run began, with the CPU time it had when last seen. */
	private final Map<Long, ProcessCpu> lastSeen = new HashMap<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-cpu");
		thread.setDaemon(true);
		return thread;
	});

	private Map<Long, ProcessCpu> atStepStart = Map.of();

	private long stepStartNanos;

	private MachineTicks machineAtStepStart;

	private String currentStep;

	/**
	 * Starts sampling.
	 * @param cores the machine's cores
	 */
	public CpuMeter(int cores) {
		this.cores = cores;
		this.sampler.scheduleWithFixedDelay(this::sampleProcesses, SAMPLE_INTERVAL.toMillis(), SAMPLE_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Ends the step that ran until now, if any, and starts the next.
	 * @param step the name of the step that begins
	 */
	public synchronized void step(String step) {
		Set<Long> alive = sampleProcesses();
		long now = System.nanoTime();
		MachineTicks machine = MachineTicks.read();
		if (this.currentStep != null) {
			this.steps.add(stepCpu(this.currentStep, (now - this.stepStartNanos) / 1e9, machine, alive));
		}
		this.atStepStart = Map.copyOf(this.lastSeen);
		this.stepStartNanos = now;
		this.machineAtStepStart = machine;
		this.currentStep = step;
	}

	/** The steps that ended, in order. */
	public synchronized List<StepCpu> steps() {
		return List.copyOf(this.steps);
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	/** Notes the CPU time of every process alive now; their pids. */
	private synchronized Set<Long> sampleProcesses() {
		Set<Long> alive = new HashSet<>();
		Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
			.forEach((process) -> {
				ProcessHandle.Info info = process.info();
				Optional<Duration> used = info.totalCpuDuration();
				// A process that has just ended has no command any more: its last sample stands.
				if (info.command().isPresent() && used.isPresent()) {
					// Named again at every sample: a JVM the launcher starts is jspawnhelper until it
					// execs java, and its CPU belongs to what it runs from then on.
					this.lastSeen.put(process.pid(), new ProcessCpu(ProcessKind.of(process.pid(), info), used.get()));
					alive.add(process.pid());
				}
			});
		return alive;
	}

	/** Every process alive at the step's end, and every other one that used CPU during the step. */
	private StepCpu stepCpu(String step, double seconds, MachineTicks machineNow, Set<Long> alive) {
		Map<String, Double> cpuSeconds = new TreeMap<>();
		this.lastSeen.forEach((pid, cpu) -> {
			ProcessCpu before = this.atStepStart.get(pid);
			Duration used = (before != null) ? cpu.used().minus(before.used()) : cpu.used();
			if (alive.contains(pid) || !used.isZero()) {
				cpuSeconds.merge(cpu.kind(), used.toNanos() / 1e9, Double::sum);
			}
		});
		Map<String, Double> cores = new LinkedHashMap<>();
		cpuSeconds.forEach((kind, used) -> cores.put(kind, round(used / seconds)));
		Double machine = (this.machineAtStepStart != null && machineNow != null)
				? round(machineNow.busyFractionSince(this.machineAtStepStart) * this.cores) : null;
		return new StepCpu(step, round(seconds), machine, cores);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private record ProcessCpu(String kind, Duration used) {

	}

	/** The first line of {@code /proc/stat}: the machine's CPU time in ticks, busy and in all. */
	record MachineTicks(long busy, long total) {

		static MachineTicks read() {
			try {
				return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

		/** {@code cpu user nice system idle iowait irq softirq steal ...}; idle and iowait are not busy. */
		static MachineTicks parse(String line) {
			String[] fields = line.trim().split("\\s+");
			long busy = 0;
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				long ticks = Long.parseLong(fields[i]);
				total += ticks;
				if (i != 4 && i != 5) {
					busy += ticks;
				}
			}
			return new MachineTicks(busy, total);
		}

		double busyFractionSince(MachineTicks earlier) {
			long total = this.total - earlier.total;
			return (total > 0) ? (double) (this.busy - earlier.busy) / total : 0;
		}

	}

}
