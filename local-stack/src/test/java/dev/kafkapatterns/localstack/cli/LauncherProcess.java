package dev.kafkapatterns.localstack.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The launcher as a process of its own, as a user starts it, with every line it prints kept (and
 * echoed) for the test to look for.
 */
final class LauncherProcess {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Process process;

	private LauncherProcess(List<String> command) throws IOException {
		this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = output.readLine()) != null) {
					System.out.println(line);
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// The launcher is gone.
			}
		});
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts the launcher with this test's class path.
	 * @param jvmOptions options for the launcher's own JVM
	 * @param options the launcher's command line
	 */
	static LauncherProcess start(List<String> jvmOptions, String... options) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalStackCommand.class.getName()));
		command.addAll(List.of(options));
		return new LauncherProcess(command);
	}

	Process process() {
		return this.process;
	}

	/** The first line that matches, or {@code null}. */
	String line(String regex) {
		return this.lines.stream().filter((line) -> line.matches(regex)).findFirst().orElse(null);
	}

	/** Kills the launcher and whatever it started, if a test left them. */
	void killWhateverIsLeft() {
		if (this.process.isAlive()) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
		}
	}

}
