package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalStackTests {

	private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

	@Test
	void eachTakenPortIsNamedWithItsOption() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			int port = taken.getLocalPort();
			LocalStackOptions free = LocalStackOptions.defaults()
				.withHttpPort(0)
				.withKafkaPort(0)
				.withOutput(QUIET, false);

			assertSetupProblem(free.withHttpPort(port), "Port " + port + " is already in use; choose another with --http-port");
			assertSetupProblem(free.withKafkaPort(port), "Port " + port + " is already in use; choose another with --kafka-port");
			assertSetupProblem(free.withControllerPort(port),
					"Port " + port + " is already in use; choose another with --controller-port");
		}
	}

	@Test
	void theSamePortTwiceIsRefused() {
		LocalStackOptions options = LocalStackOptions.defaults()
			.withHttpPort(0)
			.withKafkaPort(45678)
			.withControllerPort(45678)
			.withBrokerOnly(true)
			.withOutput(QUIET, false);

		assertSetupProblem(options, "--kafka-port and --controller-port are both 45678; give them different ports");
	}

	@Test
	void theHttpPortDoesNotMatterWhenOnlyTheBrokerRuns() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			LocalStackOptions options = LocalStackOptions.defaults()
				.withHttpPort(taken.getLocalPort())
				.withKafkaPort(0)
				.withBrokerOnly(true)
				.withOutput(QUIET, false);

			try (LocalStack stack = LocalStack.create(options)) {
				assertThat(stack.bootstrapServers()).matches("localhost:\\d+");
			}
		}
	}

	@Test
	void missingJarsSayToBuildFirst(@TempDir Path emptyProject) {
		LocalStackOptions options = LocalStackOptions.defaults()
			.withHttpPort(0)
			.withKafkaPort(0)
			.withProjectDirectory(emptyProject)
			.withOutput(QUIET, false);

		assertThatExceptionOfType(LocalStackException.class).isThrownBy(() -> LocalStack.create(options))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(LocalStackException.SETUP_PROBLEM))
			.withMessageContaining(emptyProject.resolve("queue-workers/target/queue-workers.jar").toString())
			.withMessageEndingWith(": run ./mvnw -DskipTests package first (or point --project-dir at the project)");
	}

	@Test
	void aTemporaryRunDirectoryIsDeletedOnClose() {
		LocalStackOptions options = LocalStackOptions.defaults()
			.withKafkaPort(0)
			.withBrokerOnly(true)
			.withOutput(QUIET, false);
		LocalStack stack = LocalStack.create(options);
		Path run = stack.runDirectory();
		Path data = stack.dataDirectory();
		assertThat(run).isDirectory();

		stack.close();

		assertThat(run).doesNotExist();
		assertThat(data).doesNotExist();
	}

	@Test
	void processesAreListedBrokerFirstThenProducerFanoutAndWorkersByNumber() {
		List<String> names = new ArrayList<>(List.of("queue-worker-10", "fanout-monitoring", "queue-worker-2", "kafka",
				"fanout-audit", "producer-service", "fanout-notifications", "queue-worker-1"));

		names.sort(LocalStack::compareNames);

		assertThat(names).containsExactly("kafka", "producer-service", "fanout-audit", "fanout-notifications",
				"fanout-monitoring", "queue-worker-1", "queue-worker-2", "queue-worker-10");
	}

	private static void assertSetupProblem(LocalStackOptions options, String message) {
		assertThatExceptionOfType(LocalStackException.class).isThrownBy(() -> LocalStack.create(options))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(LocalStackException.SETUP_PROBLEM));
	}

}
