package dev.kafkapatterns.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * How to run the stack. Start from {@link #defaults()} and change what you need:
 * <pre>{@code
 * LocalStackOptions.defaults().withWorkers(3).withHttpPort(0).withKafkaPort(0)
 * }</pre>
 * A port of 0 means "any free port"; {@link LocalStack} then tells which one it took.
 *
 * @param workers how many queue workers to start
 * @param httpPort producer-service's HTTP port
 * @param kafkaPort the broker's client port
 * @param controllerPort the broker's KRaft controller port
 * @param dataDirectory the broker's log directory, kept; {@code null} for a fresh temporary one
 * @param projectDirectory the Maven project whose service jars to run; {@code null} to find it
 * from the launcher's own location
 * @param runDirectory where {@code server.properties} and the audit trail go, kept; {@code null}
 * for a temporary one, deleted on close
 * @param jvmOptions options for each service JVM
 * @param kafkaJvmOptions options for the broker JVM
 * @param readyTimeout how long to wait for the broker and every service to be healthy
 * @param stopTimeout how long a process may take to stop after SIGTERM before it is killed
 * @param brokerOnly run only the broker, no services
 * @param output where the prefixed log lines go
 */
public record LocalStackOptions(int workers, int httpPort, int kafkaPort, int controllerPort, Path dataDirectory,
		Path projectDirectory, Path runDirectory, List<String> jvmOptions, List<String> kafkaJvmOptions,
		Duration readyTimeout, Duration stopTimeout, boolean brokerOnly, PrefixedOutput output) {

	/**
	 * Service JVM options that keep eight or nine JVMs reasonable on two cores: the serial
	 * collector (no GC threads per core), the C1 compiler only (half the start-up CPU, and these
	 * services never run long enough to profit from C2), small thread stacks and a heap that
	 * starts small and may grow to what a demo needs.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xss512k", "-Xms32m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

	/** The broker's JVM options: as the services', with more room for the heap. */
	public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xss512k", "-Xms32m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

	public LocalStackOptions {
		if (workers < 0) {
			throw new IllegalArgumentException("workers must be 0 or more, not " + workers);
		}
		requirePort(httpPort, "httpPort");
		requirePort(kafkaPort, "kafkaPort");
		requirePort(controllerPort, "controllerPort");
		jvmOptions = List.copyOf(jvmOptions);
		kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
		requirePositive(readyTimeout, "readyTimeout");
		requirePositive(stopTimeout, "stopTimeout");
		Objects.requireNonNull(output, "output");
	}

	/**
	 * The command line's defaults: 3 workers, producer-service on 8080, Kafka on 9092, any free
	 * controller port, fresh data, 3 minutes to get ready, 30 seconds to stop.
	 * @return the defaults
	 */
	public static LocalStackOptions defaults() {
		return new LocalStackOptions(3, 8080, 9092, 0, null, null, null, DEFAULT_JVM_OPTIONS, DEFAULT_KAFKA_JVM_OPTIONS,
				Duration.ofMinutes(3), Duration.ofSeconds(30), false, new PrefixedOutput(System.out, false));
	}

	public LocalStackOptions withWorkers(int workers) {
		return new LocalStackOptions(workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withHttpPort(int httpPort) {
		return new LocalStackOptions(this.workers, httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withKafkaPort(int kafkaPort) {
		return new LocalStackOptions(this.workers, this.httpPort, kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withControllerPort(int controllerPort) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withDataDirectory(Path dataDirectory) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withProjectDirectory(Path projectDirectory) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withRunDirectory(Path runDirectory) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withJvmOptions(List<String> jvmOptions) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withKafkaJvmOptions(List<String> kafkaJvmOptions) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withReadyTimeout(Duration readyTimeout) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, readyTimeout,
				this.stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withStopTimeout(Duration stopTimeout) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				stopTimeout, this.brokerOnly, this.output);
	}

	public LocalStackOptions withBrokerOnly(boolean brokerOnly) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, brokerOnly, this.output);
	}

	public LocalStackOptions withOutput(PrefixedOutput output) {
		return new LocalStackOptions(this.workers, this.httpPort, this.kafkaPort, this.controllerPort, this.dataDirectory,
				this.projectDirectory, this.runDirectory, this.jvmOptions, this.kafkaJvmOptions, this.readyTimeout,
				this.stopTimeout, this.brokerOnly, output);
	}

	public LocalStackOptions withOutput(PrintStream out, boolean colors) {
		return withOutput(new PrefixedOutput(out, colors));
	}

	private static void requirePort(int port, String name) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 0 (any free port) and 65535, not " + port);
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, not " + duration);
		}
	}

}
