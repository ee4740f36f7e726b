package dev.kafkapatterns.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a run was measured on: every figure means something only next to it.
 *
 * @param cores processors available to the JVM
 * @param memoryGib physical memory
 * @param cpu the processor model, from {@code /proc/cpuinfo} where there is one
 * @param os operating system, version and architecture
 * @param jvm the benchmark's JVM, the same binary the stack's children run on
 */
public record Machine(int cores, double memoryGib, String cpu, String os, String jvm) {

	/** Describes this machine. */
	public static Machine describe() {
		double memory = 0;
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			memory = os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
		}
		return new Machine(Runtime.getRuntime().availableProcessors(), Math.round(memory * 10) / 10.0, cpuModel(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vm.vendor") + ")");
	}

	/** One line for the report. */
	public String summary() {
		return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, %s", this.cores, this.cpu,
				this.memoryGib, this.os, this.jvm);
	}

	/**
	 * The 1-minute load average, from {@code /proc/loadavg}: on a shared machine it says how much
	 * else was running while a scenario was measured. -1 where there is none.
	 */
	public static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown processor");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown processor";
		}
	}

}
