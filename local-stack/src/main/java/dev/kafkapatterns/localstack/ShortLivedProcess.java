package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command the launcher runs to its end: formatting the broker's storage, extracting a jar,
 * a training run for class data sharing.
 */
final class ShortLivedProcess {

	private ShortLivedProcess() {
	}

	/**
	 * Runs a command to its end. Its output goes to a file, read afterwards: read from a pipe
	 * before the wait, it would block until the command ends and the timeout could never fire.
	 * @param environment variables to set in addition to the launcher's
	 * @return the output
	 * @throws IOException if the command fails (with its output) or does not end in time
	 */
	static String run(List<String> command, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile("local-stack-", ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			process.getOutputStream().close();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
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

}
