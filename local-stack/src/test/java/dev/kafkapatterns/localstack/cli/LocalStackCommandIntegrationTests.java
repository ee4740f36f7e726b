package dev.kafkapatterns.localstack.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as scripts use it: a process whose output announces pids and readiness, that
 * takes commands on standard input, keeps running after its input ends, and on SIGTERM stops
 * everything and exits 0.
 */
class LocalStackCommandIntegrationTests {

	private static final Pattern KAFKA_STARTED = Pattern.compile("kafka started \\(pid (\\d+), kafka port (\\d+)");

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private Process launcher;

	@AfterEach
	void killWhateverIsLeft() {
		if (this.launcher != null && this.launcher.isAlive()) {
			this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			this.launcher.destroyForcibly();
		}
	}

	@Test
	void runsUntilSigtermThenStopsEverythingAndExitsZero() throws Exception {
		this.launcher = launch("--broker-only", "--kafka-port", "0", "--color", "never");

		await().atMost(Duration.ofSeconds(90)).until(() -> line("^Stack ready in .*: Kafka bootstrap localhost:\\d+.*") != null);
		Matcher started = KAFKA_STARTED.matcher(line(".*kafka started \\(pid .*"));
		assertThat(started.find()).isTrue();
		long kafkaPid = Long.parseLong(started.group(1));
		assertThat(line("^Stack ready.*")).contains("Kafka bootstrap localhost:" + started.group(2));
		assertThat(this.launcher.descendants().map(ProcessHandle::pid)).contains(kafkaPid);

		OutputStream stdin = this.launcher.getOutputStream();
		stdin.write("status\nrestart kafka\n".getBytes(StandardCharsets.UTF_8));
		stdin.flush();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> line("^local-stack +\\| kafka +" + kafkaPid + " +\\d+ +running +up$") != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> line(".*Unknown command 'restart'.*") != null);

		// Without input (a script, CI) the stack keeps running until a signal.
		stdin.close();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(this.launcher::isAlive);

		this.launcher.toHandle().destroy();
		assertThat(this.launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.launcher.exitValue()).isZero();
		assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(line(".*SIGTERM: stopping.*")).isNotNull();
		assertThat(line("^local-stack +\\| +kafka +pid " + kafkaPid + " +stopped in .*")).isNotNull();
	}

	private Process launch(String... options) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LocalStackCommand.class.getName()));
		command.addAll(List.of(options));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
		return process;
	}

	private String line(String regex) {
		return this.lines.stream().filter((line) -> line.matches(regex)).findFirst().orElse(null);
	}

}
