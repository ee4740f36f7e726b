package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command the launcher runs to its end: formatting the broker's storage, extracting a jar,
 * a training run for class data sharing (in the background).
 */
final class ShortLivedProcess {

	/**
	 * How a background run starts where there is a shell and {@code nice}: {@code sh} starts the
	 * command at the lowest CPU priority with its standard input closed, and reads the launcher's
	 * pipe meanwhile, as {@link ChildWatchdog} does in the services; the pipe ends only when the
	 * launcher does, however it ends (even by SIGKILL), and then {@code sh} kills the command at once
	 * (the pipe is kept as descriptor 3, since a shell gives what it starts in the background
	 * {@code /dev/null} as standard input),
	 * so that nothing, not even a half-made class data archive, outlives the launcher. A command that
	 * ends by itself ends the reading, and {@code sh} exits with its status.
	 */
	private static final String IN_THE_BACKGROUND = "exec 3<&0; nice -n 19 \"$@\" < /dev/null 3<&- & run=$!; "
			+ "(while read -r line; do :; done <&3; kill -9 $run 2> /dev/null) & watch=$!; "
			+ "wait $run; status=$?; kill $watch 2> /dev/null; exit $status";

	private static final Path SHELL = Path.of("/bin/sh");

	private static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));

	private ShortLivedProcess() {
	}

	/**
	 * Runs a command to its end, like {@link #run}, in the background: at the lowest CPU priority
	 * ({@code nice -n 19}), so that the processes beside it need not wait for it (the kernel gives it
	 * a core when nothing else wants one), and killed at once if the launcher is gone. Without a
	 * shell and {@code nice} (Windows), the command as it is.
	 */
	static String runInTheBackground(List<String> command, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		if (!Files.isExecutable(SHELL) || NICE.stream().noneMatch(Files::isExecutable)) {
			return run(command, environment, timeout);
		}
		List<String> wrapped = new ArrayList<>(List.of(SHELL.toString(), "-c", IN_THE_BACKGROUND, "local-stack-background"));
		wrapped.addAll(command);
		return run(wrapped, environment, timeout, true);
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
		return run(command, environment, timeout, false);
	}

	/**
	 * @param watchesLauncher whether the command reads its standard input until the launcher is
	 * gone: then the pipe stays open while it runs
	 */
	private static String run(List<String> command, Map<String, String> environment, Duration timeout,
			boolean watchesLauncher) throws IOException, InterruptedException {
		Path output = Files.createTempFile("local-stack-", ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			try (OutputStream launcherPipe = process.getOutputStream()) {
				if (!watchesLauncher) {
					launcherPipe.close();
				}
				if (!endsInTime(process, timeout)) {
					destroy(process);
					throw new IOException("it took longer than " + timeout.toSeconds() + " s");
				}
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
			throw ex;
		}
	}

	/**
	 * Kills the command and what it started, and waits until they are gone: what it started
	 * first, so that a shell around them (as in {@link #runInTheBackground}) collects them before it
	 * ends; the shell itself a moment later at the latest.
	 */
	private static void destroy(Process process) throws InterruptedException {
		List<ProcessHandle> started = process.descendants().toList();
		started.forEach(ProcessHandle::destroyForcibly);
		if (started.isEmpty() || !process.waitFor(5, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

}
