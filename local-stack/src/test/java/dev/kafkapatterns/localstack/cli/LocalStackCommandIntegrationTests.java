package dev.kafkapatterns.localstack.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

	private LauncherProcess launcher;

	@AfterEach
	void killWhateverIsLeft() {
		if (this.launcher != null) {
			this.launcher.killWhateverIsLeft();
		}
	}

	@Test
	void runsUntilSigtermThenStopsEverythingAndExitsZero() throws Exception {
		this.launcher = LauncherProcess.start(List.of(), "--broker-only", "--kafka-port", "0", "--color", "never");
		Process process = this.launcher.process();

		await().atMost(Duration.ofSeconds(90)).until(() -> line("^Stack ready in .*: Kafka bootstrap localhost:\\d+.*") != null);
		Matcher started = KAFKA_STARTED.matcher(line(".*kafka started \\(pid .*"));
		assertThat(started.find()).isTrue();
		long kafkaPid = Long.parseLong(started.group(1));
		assertThat(line("^Stack ready.*")).contains("Kafka bootstrap localhost:" + started.group(2));
		assertThat(process.descendants().map(ProcessHandle::pid)).contains(kafkaPid);

		OutputStream stdin = process.getOutputStream();
		stdin.write("status\nrestart kafka\n".getBytes(StandardCharsets.UTF_8));
		stdin.flush();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> line("^local-stack +\\| kafka +" + kafkaPid + " +\\d+ +running +up$") != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> line(".*Unknown command 'restart'.*") != null);

		// Without input (a script, CI) the stack keeps running until a signal.
		stdin.close();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(process::isAlive);

		process.toHandle().destroy();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(line(".*SIGTERM: stopping.*")).isNotNull();
		assertThat(line("^local-stack +\\| +kafka +pid " + kafkaPid + " +stopped in .*")).isNotNull();
	}

	private String line(String regex) {
		return this.launcher.line(regex);
	}

}
