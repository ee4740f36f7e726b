package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command the launcher runs to its end: formatting the broker's storage, extracting a jar,
 * a training run for class data sharing.
 */
final class ShortLivedProcess {

	/**
	 * What runs a command at the lowest CPU priority, where the system has it: {@code nice}, which
	 * then becomes the command (same process).
	 */
	private static final List<String> LOWEST_PRIORITY = List.of("nice", "-n", "19");

	private static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));

	private ShortLivedProcess() {
	}

	/**
	 * Runs a command to its end, like {@link #run}, at the lowest CPU priority ({@code nice -n
	 * 19}, where there is a {@code nice}): work that the processes beside it must not wait for.
	 * The kernel gives it a core when nothing else wants one.
	 */
	static String runAtLowestPriority(List<String> command, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		return run(atLowestPriority(command), environment, timeout);
	}

	static List<String> atLowestPriority(List<String> command) {
		if (NICE.stream().noneMatch(Files::isExecutable)) {
			return command;
		}
		List<String> niced = new ArrayList<>(LOWEST_PRIORITY);
		niced.addAll(command);
		return niced;
	}

	/**
	 * Runs a command to its end. Its output goes to a file, read afterwards: read from a pipe
	 * before the wait, it would block until the command ends and the timeout could never fire.
	 * @param environment variables to set in addition to the launcher's
	 * @return the output
	 * @throws IOException if the command fails (with its output) or does not end in time
	 * @throws InterruptedException if interrupted while waiting; the command is killed first
	 */
	static String run(List<String> command, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile("local-stack-", ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			process.getOutputStream().close();
			if (!endsInTime(process, timeout)) {
				destroy(process);
				throw new IOException("it took longer than " + timeout.toSeconds() + " s");
			}
			if (process.exitValue() != 0) {
				throw new IOException("exit code " + process.exitValue() + ":\n" + Files.readString(output).strip());
			}
			return Files.readString(output);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static boolean endsInTime(Process process, Duration timeout) throws InterruptedException {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			// Whoever interrupted stops this work: nothing of it may outlive the wait.
			destroy(process);
			process.onExit().join();
			throw ex;
		}
	}

	private static void destroy(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

}
