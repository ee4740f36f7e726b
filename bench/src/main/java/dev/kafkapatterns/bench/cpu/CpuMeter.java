package dev.kafkapatterns.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Samples CPU time as each step of a run begins, and turns two samples into a {@link StepCpu}.
 * The machine's busy time comes from {@code /proc/stat} (every process, the stack's and anyone
 * else's); the per-process figures from {@link ProcessHandle.Info#totalCpuDuration()} of this JVM
 * and of every process it started: Kafka's tools and, when the benchmark started the stack,
 * local-stack and its children (a stack started by someone else shows only in the machine's
 * figure). A process that ended during a step is missing from that step (its last CPU time cannot
 * be read any more); one that started during it counts all its CPU.
 */
public final class CpuMeter {

	private final int cores;

	private final List<StepCpu> steps = new ArrayList<>();

	private Sample last;

	private String currentStep;

	/**
	 * @param cores the machine's cores
	 */
	public CpuMeter(int cores) {
		this.cores = cores;
	}

	/**
	 * Ends the step that ran until now, if any, and starts the next.
	 * @param step the name of the step that begins
	 */
	public synchronized void step(String step) {
		Sample now = sample();
		if (this.currentStep != null) {
			this.steps.add(between(this.currentStep, this.last, now));
		}
		this.last = now;
		this.currentStep = step;
	}

	/** The steps that ended, in order. */
	public synchronized List<StepCpu> steps() {
		return List.copyOf(this.steps);
	}

	private Sample sample() {
		Map<Long, ProcessCpu> processes = new HashMap<>();
		Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
			.forEach((process) -> {
				ProcessHandle.Info info = process.info();
				// A process that has just ended has no command any more: nothing to count.
				if (info.command().isPresent() && info.totalCpuDuration().isPresent()) {
					processes.put(process.pid(), new ProcessCpu(ProcessKind.of(process), info.totalCpuDuration().get()));
				}
			});
		return new Sample(System.nanoTime(), MachineTicks.read(), processes);
	}

	private StepCpu between(String step, Sample before, Sample after) {
		double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
		Map<String, Double> cpuSeconds = new TreeMap<>();
		after.processes().forEach((pid, cpu) -> {
			ProcessCpu earlier = before.processes().get(pid);
			Duration used = (earlier != null) ? cpu.used().minus(earlier.used()) : cpu.used();
			cpuSeconds.merge(cpu.kind(), used.toNanos() / 1e9, Double::sum);
		});
		Map<String, Double> cores = new LinkedHashMap<>();
		cpuSeconds.forEach((kind, used) -> cores.put(kind, round(used / seconds)));
		Double machine = (before.machine() != null && after.machine() != null)
				? round(after.machine().busyFractionSince(before.machine()) * this.cores) : null;
		return new StepCpu(step, round(seconds), machine, cores);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private record ProcessCpu(String kind, Duration used) {

	}

	private record Sample(long nanoTime, MachineTicks machine, Map<Long, ProcessCpu> processes) {

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
