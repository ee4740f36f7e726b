package dev.kafkapatterns.bench.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkapatterns.bench.stack.LocalStackProcess;

/**
 * Runs one of Kafka's tools in a child JVM on this benchmark's own class path, as Kafka's
 * {@code bin/kafka-*-perf-test.sh} scripts would, and returns what it printed. A child JVM keeps
 * the tool's {@code Exit.exit} and its JIT warm-up out of the benchmark's process.
 */
final class KafkaToolRun {

	private KafkaToolRun() {
	}

	/**
	 * Runs a tool and waits for it.
	 * @param mainClass for example {@code org.apache.kafka.tools.ProducerPerformance}
	 * @param arguments its arguments
	 * @param log where its output is copied
	 * @param timeout how long it may take
	 * @return its output, standard error included, one entry per line
	 * @throws IllegalStateException when it fails or takes too long
	 */
	static List<String> run(String mainClass, List<String> arguments, Path log, Duration timeout)
			throws InterruptedException {
		List<String> command = new ArrayList<>(List.of(LocalStackProcess.javaExecutable(), "-Xmx512m",
				// The tools print numbers with the default locale; English keeps the decimal point a point.
				"-Duser.language=en", "-Duser.country=US", "-cp", classPath(), mainClass));
		command.addAll(arguments);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			process.getOutputStream().close();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException(simpleName(mainClass) + " did not finish within " + timeout.toSeconds()
						+ " s; its output is in " + log);
			}
			List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(simpleName(mainClass) + " exited with " + process.exitValue() + ":\n  "
						+ String.join("\n  ", output.subList(Math.max(0, output.size() - 10), output.size())));
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + mainClass, ex);
		}
	}

	/** This JVM's class path as absolute paths; the bench jar's manifest brings in lib/. */
	private static String classPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			entries.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static String simpleName(String mainClass) {
		return mainClass.substring(mainClass.lastIndexOf('.') + 1);
	}

}
