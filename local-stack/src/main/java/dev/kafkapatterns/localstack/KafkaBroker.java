package dev.kafkapatterns.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker ({@code kafka.Kafka} from {@code kafka_2.13}), run as its own JVM: a
 * single KRaft node that is broker and controller at once. This class writes its
 * {@code server.properties}, formats its storage the first time, builds the command that starts
 * it and tells whether it answers. The broker runs from the launcher's own class path: the
 * launcher jar names its dependencies, Kafka among them, in its manifest.
 *
 * @param java the {@code java} executable
 * @param classPath the class path with Kafka and logback on it
 * @param jvmOptions options for the broker JVM, such as heap and garbage collector
 * @param kafkaPort the client port, on localhost
 * @param controllerPort the KRaft controller port, on localhost
 * @param dataDirectory the log directory; kept across restarts
 * @param propertiesFile where to write {@code server.properties}
 */
record KafkaBroker(Path java, String classPath, List<String> jvmOptions, int kafkaPort, int controllerPort,
		Path dataDirectory, Path propertiesFile) {

	/** The logback configuration the broker JVM uses, a resource on the class path. */
	static final String LOGBACK_CONFIGURATION = "local-stack-kafka-logback.xml";

	private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

	KafkaBroker {
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * The class path of this JVM, made absolute: from the launcher jar that is the jar alone, whose
	 * manifest names its dependencies in {@code lib/}, Kafka among them.
	 */
	static String launcherClassPath() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** Where clients bootstrap from: {@code localhost:<kafka port>}. */
	String bootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	/**
	 * Writes {@code server.properties} and formats the storage unless the data directory already
	 * holds a formatted log ({@code meta.properties}), which a restart keeps.
	 * @return the new cluster id if the storage was formatted now, empty if it already was
	 * @throws IOException if a file cannot be written or the format fails
	 */
	Optional<String> prepare() throws IOException, InterruptedException {
		Files.createDirectories(this.dataDirectory);
		Files.createDirectories(this.propertiesFile.toAbsolutePath().getParent());
		Files.writeString(this.propertiesFile,
				BrokerProperties.render(this.kafkaPort, this.controllerPort, this.dataDirectory));
		if (Files.exists(this.dataDirectory.resolve("meta.properties"))) {
			return Optional.empty();
		}
		String clusterId = Uuid.randomUuid().toString();
		format(clusterId);
		return Optional.of(clusterId);
	}

	private void format(String clusterId) throws IOException, InterruptedException {
		List<String> command = javaCommand("kafka.tools.StorageTool", "format", "--standalone", "--cluster-id",
				clusterId, "--config", this.propertiesFile.toAbsolutePath().toString());
		try {
			ShortLivedProcess.run(command, Map.of(), FORMAT_TIMEOUT);
		}
		catch (IOException ex) {
			throw new IOException("Formatting the Kafka storage in " + this.dataDirectory + " failed: " + ex.getMessage(),
					ex);
		}
	}

	/** The command that runs the broker: {@code java <options> -cp <class path> kafka.Kafka server.properties}. */
	List<String> serverCommand() {
		return javaCommand("kafka.Kafka", this.propertiesFile.toAbsolutePath().toString());
	}

	/** {@code java <options> -cp <class path> <main class> <arguments>}. */
	List<String> javaCommand(String mainClass, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(this.jvmOptions);
		command.add("-Dlogback.configurationFile=" + LOGBACK_CONFIGURATION);
		command.add("-cp");
		command.add(this.classPath);
		command.add(mainClass);
		command.addAll(List.of(arguments));
		return command;
	}

	/** Whether the broker describes its cluster, with at least one node, within the timeout. */
	boolean answers(Duration timeout) throws InterruptedException {
		return awaitAnswer(timeout, () -> false);
	}

	/**
	 * Asks the broker for its cluster description until it answers, every quarter second.
	 * @param timeout how long to wait in all
	 * @param stillWorthWaiting asked between attempts; {@code false} stops the wait, for example
	 * once the broker process has exited
	 * @return whether the broker answered in time
	 */
	boolean awaitAnswer(Duration timeout, BooleanSupplier stillWorthWaiting) throws InterruptedException {
		return awaitAnswer(bootstrapServers(), timeout, stillWorthWaiting);
	}

	static boolean awaitAnswer(String bootstrapServers, Duration timeout, BooleanSupplier stillWorthWaiting)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int attempt = (int) Math.min(timeout.toMillis(), 1000);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-probe", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				attempt, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, attempt,
				AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250))) {
			while (true) {
				try {
					if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(attempt))
						.nodes()
						.get(attempt + 500L, TimeUnit.MILLISECONDS)
						.isEmpty()) {
						return true;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					// Not yet.
				}
				if (System.nanoTime() >= deadline || !stillWorthWaiting.getAsBoolean()) {
					return false;
				}
				Thread.sleep(250);
			}
		}
	}

}
