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
			assertSetupProblem(freePorts().httpPort(port).build(),
					"Port " + port + " is already in use; choose another with --http-port");
			assertSetupProblem(freePorts().dashboardPort(port).build(),
					"Port " + port + " is already in use; choose another with --dashboard-port");
			assertSetupProblem(freePorts().kafkaPort(port).build(),
					"Port " + port + " is already in use; choose another with --kafka-port");
			assertSetupProblem(freePorts().controllerPort(port).build(),
					"Port " + port + " is already in use; choose another with --controller-port");
		}
	}

	@Test
	void theSamePortTwiceIsRefusedWhetherItIsFreeOrNot() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			int port = taken.getLocalPort();
			assertSetupProblem(freePorts().kafkaPort(port).controllerPort(port).brokerOnly(true).build(),
					"--kafka-port and --controller-port are both " + port + "; give them different ports");
			assertSetupProblem(freePorts().httpPort(port).controllerPort(port).build(),
					"--http-port and --controller-port are both " + port + "; give them different ports");
		}
		// The same check for a port nothing holds (45678 may be taken here by chance: it is only a
		// number to repeat).
		assertSetupProblem(freePorts().kafkaPort(45678).controllerPort(45678).brokerOnly(true).build(),
				"--kafka-port and --controller-port are both 45678; give them different ports");
	}

	@Test
	void theDashboardPortDoesNotMatterWithoutADashboard() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			LocalStackOptions options = freePorts().dashboardPort(taken.getLocalPort()).dashboard(false).build();

			try (LocalStack stack = LocalStack.create(options)) {
				assertThat(stack.dashboardUrl()).isEmpty();
			}
		}
	}

	@Test
	void theHttpPortDoesNotMatterWhenOnlyTheBrokerRuns() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			LocalStackOptions options = freePorts().httpPort(taken.getLocalPort()).brokerOnly(true).build();

			try (LocalStack stack = LocalStack.create(options)) {
				assertThat(stack.bootstrapServers()).matches("localhost:\\d+");
			}
		}
	}

	@Test
	void missingJarsSayToBuildFirst(@TempDir Path emptyProject) {
		LocalStackOptions options = freePorts().projectDirectory(emptyProject).build();

		assertThatExceptionOfType(LocalStackException.class).isThrownBy(() -> LocalStack.create(options))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(LocalStackException.SETUP_PROBLEM))
			.withMessageContaining(emptyProject.resolve("queue-workers/target/queue-workers.jar").toString())
			.withMessageContaining(emptyProject.resolve("dashboard/target/dashboard.jar").toString())
			.withMessageEndingWith(": run ./mvnw -DskipTests package first (or point --project-dir at the project)");
	}

	@Test
	void aTemporaryRunDirectoryIsDeletedOnClose() {
		LocalStackOptions options = freePorts().brokerOnly(true).build();
		LocalStack stack = LocalStack.create(options);
		Path run = stack.runDirectory();
		Path data = stack.dataDirectory();
		assertThat(run).isDirectory();

		stack.close();

		assertThat(run).doesNotExist();
		assertThat(data).doesNotExist();
	}

	@Test
	void processesAreListedBrokerFirstThenProducerDashboardFanoutAndWorkersByNumber() {
		List<String> names = new ArrayList<>(List.of("queue-worker-10", "fanout-monitoring", "queue-worker-2", "kafka",
				"fanout-audit", "dashboard", "producer-service", "fanout-notifications", "queue-worker-1"));

		names.sort(ProcessTable::compareNames);

		assertThat(names).containsExactly("kafka", "producer-service", "dashboard", "fanout-audit", "fanout-notifications",
				"fanout-monitoring", "queue-worker-1", "queue-worker-2", "queue-worker-10");
	}

	private static LocalStackOptions.Builder freePorts() {
		return LocalStackOptions.builder().httpPort(0).dashboardPort(0).kafkaPort(0).output(QUIET, false);
	}

	private static void assertSetupProblem(LocalStackOptions options, String message) {
		assertThatExceptionOfType(LocalStackException.class).isThrownBy(() -> LocalStack.create(options))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(LocalStackException.SETUP_PROBLEM));
	}

}
