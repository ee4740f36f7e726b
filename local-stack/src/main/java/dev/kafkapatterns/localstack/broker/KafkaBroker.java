package dev.kafkapatterns.localstack.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker ({@code kafka.Kafka} from {@code kafka_2.13}), run as its own JVM: a
 * single KRaft node that is broker and controller at once. This class writes its
 * {@code server.properties}, formats its storage the first time, builds the command that starts
 * it and tells whether it answers.
 *
 * <p>The broker runs from the launcher's own class path: the launcher jar names its
 * dependencies, Kafka among them, in its manifest.
 */
public final class KafkaBroker {

	/** The logback configuration the broker JVM uses, a resource on the class path. */
	static final String LOGBACK_CONFIGURATION = "local-stack-kafka-logback.xml";

	private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

	private final Path java;

	private final String classPath;

	private final List<String> jvmOptions;

	private final int kafkaPort;

	private final int controllerPort;

	private final Path dataDirectory;

	private final Path propertiesFile;

	/**
	 * Describes a broker; nothing is written or started yet.
	 * @param java the {@code java} executable
	 * @param classPath the class path with Kafka and logback on it
	 * @param jvmOptions options for the broker JVM, such as heap and garbage collector
	 * @param kafkaPort the client port, on localhost
	 * @param controllerPort the KRaft controller port, on localhost
	 * @param dataDirectory the log directory; kept across restarts
	 * @param propertiesFile where to write {@code server.properties}
	 */
	public KafkaBroker(Path java, String classPath, List<String> jvmOptions, int kafkaPort, int controllerPort,
			Path dataDirectory, Path propertiesFile) {
		this.java = java;
		this.classPath = classPath;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.kafkaPort = kafkaPort;
		this.controllerPort = controllerPort;
		this.dataDirectory = dataDirectory;
		this.propertiesFile = propertiesFile;
	}

	/**
	 * The address clients bootstrap from.
	 * @return {@code localhost:<kafka port>}
	 */
	public String bootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	/**
	 * The client port.
	 * @return the port
	 */
	public int kafkaPort() {
		return this.kafkaPort;
	}

	/**
	 * The KRaft controller port.
	 * @return the port
	 */
	public int controllerPort() {
		return this.controllerPort;
	}

	/**
	 * The log directory.
	 * @return the directory
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Writes {@code server.properties} and formats the storage unless the data directory already
	 * holds a formatted log ({@code meta.properties}), which a restart keeps.
	 * @return the new cluster id if the storage was formatted now, empty if it already was
	 * @throws IOException if a file cannot be written or the format fails
	 * @throws InterruptedException if interrupted while formatting
	 */
	public Optional<String> prepare() throws IOException, InterruptedException {
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
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output;
		try (InputStream in = process.getInputStream()) {
			// It prints every broker setting; only worth showing when it fails.
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!process.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("Formatting the Kafka storage took longer than " + FORMAT_TIMEOUT.toSeconds() + " s");
		}
		if (process.exitValue() != 0) {
			throw new IOException("Formatting the Kafka storage in " + this.dataDirectory + " failed with exit code "
					+ process.exitValue() + ":\n" + output.strip());
		}
	}

	/**
	 * The command that runs the broker.
	 * @return {@code java <options> -cp <class path> kafka.Kafka server.properties}
	 */
	public List<String> serverCommand() {
		return javaCommand("kafka.Kafka", this.propertiesFile.toAbsolutePath().toString());
	}

	private List<String> javaCommand(String mainClass, String... arguments) {
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

	/**
	 * Asks the broker once for its cluster description.
	 * @param timeout how long to wait for the answer
	 * @return whether the broker answered, with at least one node
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean answers(Duration timeout) throws InterruptedException {
		try (Admin admin = Admin.create(adminConfig(timeout))) {
			return answers(admin, timeout);
		}
	}

	/**
	 * Waits until the broker answers, asking every quarter second.
	 * @param timeout how long to wait in all
	 * @param stillWorthWaiting asked between attempts; {@code false} stops the wait, for example
	 * once the broker process has exited
	 * @return whether the broker answered in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitAnswer(Duration timeout, BooleanSupplier stillWorthWaiting)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Duration attempt = Duration.ofSeconds(1);
		try (Admin admin = Admin.create(adminConfig(attempt))) {
			while (System.nanoTime() < deadline && stillWorthWaiting.getAsBoolean()) {
				if (answers(admin, attempt)) {
					return true;
				}
				Thread.sleep(250);
			}
			return false;
		}
	}

	private boolean answers(Admin admin, Duration timeout) throws InterruptedException {
		try {
			Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
				.nodes()
				.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
			return !nodes.isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	private Map<String, Object> adminConfig(Duration timeout) {
		int millis = (int) timeout.toMillis();
		return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), AdminClientConfig.CLIENT_ID_CONFIG,
				"local-stack-probe", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
				250);
	}

}
