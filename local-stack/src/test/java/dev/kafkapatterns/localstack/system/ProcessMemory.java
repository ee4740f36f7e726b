package dev.kafkapatterns.localstack.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.localstack.ServiceStatus;

/**
 * The resident memory ({@code VmRSS}) of each running process of a stack, read from
 * {@code /proc/<pid>/status}, so Linux only.
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * @param stack the stack
	 * @return by process name, for the processes that run and could be read
	 */
	static Map<String, Sample> of(LocalStack stack) {
		Map<String, Sample> samples = new LinkedHashMap<>();
		for (ServiceStatus process : stack.status()) {
			if (process.pid().isPresent()) {
				long pid = process.pid().getAsLong();
				residentKib(pid).ifPresent((kib) -> samples.put(process.name(), new Sample(pid, kib)));
			}
		}
		return samples;
	}

	private static Optional<Long> residentKib(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			// Gone since the status, or no /proc: nothing to report for it.
			return Optional.empty();
		}
	}

	/**
	 * One process's memory at one moment.
	 *
	 * @param pid the process id
	 * @param residentKib its resident set size in KiB
	 */
	record Sample(long pid, long residentKib) {

		long residentMib() {
			return Math.round(this.residentKib / 1024.0);
		}

	}

}
