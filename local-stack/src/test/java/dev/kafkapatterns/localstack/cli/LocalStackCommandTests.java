package dev.kafkapatterns.localstack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.kafkapatterns.localstack.LocalStackOptions;
import dev.kafkapatterns.localstack.WorkerMode;
import dev.kafkapatterns.localstack.output.PrefixedOutput;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackCommandTests {

	private final StringWriter err = new StringWriter();

	private final StringWriter out = new StringWriter();

	@Test
	void defaultsAreThoseOfDockerCompose() {
		LocalStackOptions options = options();

		assertThat(options.workers()).isEqualTo(3);
		assertThat(options.workerMode()).isEqualTo(WorkerMode.GROUP);
		assertThat(options.httpPort()).isEqualTo(8080);
		assertThat(options.dashboardPort()).isEqualTo(8090);
		assertThat(options.dashboard()).isTrue();
		assertThat(options.verbose()).isFalse();
		assertThat(options.kafkaPort()).isEqualTo(9092);
		assertThat(options.controllerPort()).isZero();
		assertThat(options.dataDirectory()).isNull();
		assertThat(options.jvmOptions()).isEqualTo(LocalStackOptions.DEFAULT_JVM_OPTIONS);
		assertThat(options.kafkaJvmOptions()).isEqualTo(LocalStackOptions.DEFAULT_KAFKA_JVM_OPTIONS);
		assertThat(options.readyTimeout()).isEqualTo(Duration.ofMinutes(3));
		assertThat(options.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.brokerOnly()).isFalse();
	}

	@Test
	void everyOptionReachesTheStack() {
		LocalStackOptions options = options("--workers", "5", "--worker-mode", "share", "--http-port", "18080",
				"--dashboard-port", "18090", "--no-dashboard", "--verbose", "--kafka-port", "19092",
				"--controller-port", "19093", "--data-dir", "/tmp/kafka-data", "--run-dir", "/tmp/run", "--project-dir",
				"/src/project", "--jvm-opts", " -Xmx128m  -XX:+UseSerialGC ", "--kafka-jvm-opts", "-Xmx512m",
				"--ready-timeout", "60", "--stop-timeout", "5", "--broker-only", "--color", "NEVER");

		assertThat(options.workers()).isEqualTo(5);
		assertThat(options.workerMode()).isEqualTo(WorkerMode.SHARE);
		assertThat(options.httpPort()).isEqualTo(18080);
		assertThat(options.dashboardPort()).isEqualTo(18090);
		assertThat(options.dashboard()).isFalse();
		assertThat(options.verbose()).isTrue();
		assertThat(options.kafkaPort()).isEqualTo(19092);
		assertThat(options.controllerPort()).isEqualTo(19093);
		assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/kafka-data"));
		assertThat(options.runDirectory()).isEqualTo(Path.of("/tmp/run"));
		assertThat(options.projectDirectory()).isEqualTo(Path.of("/src/project"));
		assertThat(options.jvmOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
		assertThat(options.kafkaJvmOptions()).containsExactly("-Xmx512m");
		assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.stopTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.brokerOnly()).isTrue();
	}

	@Test
	void anUnknownWorkerModeIsAUsageError() {
		int exitCode = execute("--worker-mode", "queue");

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.err.toString()).contains("--worker-mode", "queue");
	}

	@Test
	void aNegativeWorkerCountIsAUsageError() {
		int exitCode = execute("--workers", "-1");

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.err.toString()).contains("--workers must be 0 or more, not -1");
	}

	@Test
	void aTakenKafkaPortIsNamedWithTheOptionThatChangesIt() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", 0));
			int port = taken.getLocalPort();

			int exitCode = execute("--broker-only", "--kafka-port", String.valueOf(port));

			assertThat(exitCode).isEqualTo(2);
			assertThat(this.err.toString().strip())
				.isEqualTo("Port " + port + " is already in use; choose another with --kafka-port");
		}
	}

	@Test
	void aMissingServiceJarSaysToBuildFirst(@TempDir Path emptyProject) {
		int exitCode = execute("--http-port", "0", "--dashboard-port", "0", "--kafka-port", "0", "--project-dir",
				emptyProject.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.err.toString()).contains("producer-service.jar")
			.contains("run ./mvnw -DskipTests package first");
	}

	@Test
	void helpDocumentsEveryOptionAndTheCommands() {
		int exitCode = execute("--help");

		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("--workers", "--worker-mode", "group", "share", "--http-port",
				"--dashboard-port", "--no-dashboard", "--verbose", "--kafka-port", "--controller-port",
				"--data-dir", "--run-dir", "--project-dir", "--jvm-opts", "--kafka-jvm-opts", "--ready-timeout",
				"--stop-timeout", "--color", "--broker-only", "scale N", "Stack ready");
	}

	private int execute(String... args) {
		CommandLine commandLine = LocalStackCommand.commandLine();
		commandLine.setErr(new PrintWriter(this.err, true));
		commandLine.setOut(new PrintWriter(this.out, true));
		return commandLine.execute(args);
	}

	private static LocalStackOptions options(String... args) {
		CommandLine commandLine = LocalStackCommand.commandLine();
		commandLine.parseArgs(args);
		LocalStackCommand command = commandLine.getCommand();
		return command.options(new PrefixedOutput(System.out, false));
	}

}
