package dev.kafkapatterns.bench.stack;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessOutputTests {

	private static final String PRINTED = String.join("\n", "local-stack          | kafka started (pid 1, kafka port 9092)",
			"fanout-audit         | 01:10:05.201 INFO  DeliveryRecorder : processed service=fanout-audit",
			"Stack ready in 12.3 s: producer-service http://localhost:8080 · Kafka bootstrap localhost:9092",
			"queue-worker-1       | 2 queue workers running (a service saying what the launcher says)",
			"\u001B[1mlocal-stack          |\u001B[0m 2 queue workers running", "");

	private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

	@Test
	void waitsForTheLaunchersLinesOnlyAndLogsEveryLineWithoutColours() throws InterruptedException {
		ProcessOutput output = new ProcessOutput(
				new PrintStream(new BufferedOutputStream(this.logged, 1 << 16), false, StandardCharsets.UTF_8));
		output.readFrom(new ByteArrayInputStream(PRINTED.getBytes(StandardCharsets.UTF_8)), "test-output");

		assertThat(output.awaitLine(0, (line) -> line.contains("Stack ready in"), Duration.ofSeconds(10)))
			.hasValueSatisfying((line) -> assertThat(line).startsWith("Stack ready in 12.3 s"));
		assertThat(output.awaitLine(0, (line) -> line.contains("2 queue workers running"), Duration.ofSeconds(10)))
			.hasValue("local-stack          | 2 queue workers running");
		assertThat(output.awaitLine(0, (line) -> line.contains("processed"), Duration.ofMillis(200))).isEmpty();
		assertThat(output.mark()).isEqualTo(3);
		assertThat(output.tail(2)).containsExactly(
				"queue-worker-1       | 2 queue workers running (a service saying what the launcher says)",
				"local-stack          | 2 queue workers running");
		assertThat(this.logged.toString(StandardCharsets.UTF_8)).isEqualTo(PRINTED.replace("\u001B[1m", "").replace("\u001B[0m", ""));
	}

	@Test
	void tellsTheLaunchersLinesFromTheServices() {
		assertThat(ProcessOutput.isLaunchers("local-stack          | queue-worker-3 started")).isTrue();
		assertThat(ProcessOutput.isLaunchers("Stack ready in 1.0 s")).isTrue();
		assertThat(ProcessOutput.isLaunchers("Stack not ready | see the log")).isTrue();
		assertThat(ProcessOutput.isLaunchers("producer-service     | Started in 3.1 s")).isFalse();
	}

}
