package dev.kafkapatterns.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * How to run the stack. Build it from the defaults, changing what you need:
 * <pre>{@code
 * LocalStackOptions.builder().workers(3).httpPort(0).kafkaPort(0).build()
 * }</pre>
 * A port of 0 means "any free port"; {@link LocalStack} then tells which one it took. The options
 * are checked here, once, for the command line and the Java API alike; a message names the
 * command-line flag that sets the wrong value.
 *
 * @param workers how many queue workers to start
 * @param workerMode whether the workers share a consumer group or a share group
 * @param httpPort producer-service's HTTP port
 * @param dashboardPort the dashboard's HTTP port
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
 * @param dashboard whether to start the dashboard
 * @param verbose whether the services log everything Spring Boot logs by default, rather than the
 * lines that show the patterns, warnings and errors
 * @param output where the prefixed log lines go
 */
public record LocalStackOptions(int workers, WorkerMode workerMode, int httpPort, int dashboardPort, int kafkaPort,
		int controllerPort, Path dataDirectory, Path projectDirectory, Path runDirectory, List<String> jvmOptions,
		List<String> kafkaJvmOptions, Duration readyTimeout, Duration stopTimeout, boolean brokerOnly, boolean dashboard,
		boolean verbose, PrefixedOutput output) {

	/**
	 * Service JVM options that keep eight or nine JVMs reasonable on two cores: the serial
	 * collector (no GC threads per core), the C1 compiler only (the stack is ready in about two
	 * thirds of the time; on two busy cores C2 gets too little CPU to compile, so only a service
	 * with cores to spare runs faster with it: see the README), small thread stacks and a heap
	 * that starts small and may grow to what a demo needs.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xss512k", "-Xms32m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

	/** The broker's JVM options: as the services', with more room for the heap. */
	public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xss512k", "-Xms32m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

	/**
	 * Checks every option.
	 * @throws IllegalArgumentException naming the flag of the first wrong option, for example
	 * {@code --workers must be 0 or more, not -1}
	 */
	public LocalStackOptions {
		if (workers < 0) {
			throw new IllegalArgumentException("--workers must be 0 or more, not " + workers);
		}
		Objects.requireNonNull(workerMode, "--worker-mode");
		requirePort(httpPort, "--http-port");
		requirePort(dashboardPort, "--dashboard-port");
		requirePort(kafkaPort, "--kafka-port");
		requirePort(controllerPort, "--controller-port");
		jvmOptions = List.copyOf(jvmOptions);
		kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
		requirePositive(readyTimeout, "--ready-timeout");
		requirePositive(stopTimeout, "--stop-timeout");
		Objects.requireNonNull(output, "output");
	}

	/**
	 * The command line's defaults: 3 workers in a consumer group, producer-service on 8080, the
	 * dashboard on 8090, Kafka on 9092, any free controller port, fresh data, 3 minutes to get
	 * ready, 30 seconds to stop, the services' logs cut down to the pattern lines, output to
	 * {@code System.out} without colours.
	 * @return a builder that starts from the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static void requirePort(int port, String flag) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(flag + " must be between 0 (any free port) and 65535, not " + port);
		}
	}

	private static void requirePositive(Duration duration, String flag) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(flag + " must be a positive number of seconds, not "
					+ ((duration != null) ? duration.toSeconds() : null));
		}
	}

	/**
	 * Collects the options; each setter replaces one default. {@link #build()} checks them.
	 */
	public static final class Builder {

		private int workers = 3;

		private WorkerMode workerMode = WorkerMode.GROUP;

		private int httpPort = 8080;

		private int dashboardPort = 8090;

		private int kafkaPort = 9092;

		private int controllerPort;

		private Path dataDirectory;

		private Path projectDirectory;

		private Path runDirectory;

		private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;

		private List<String> kafkaJvmOptions = DEFAULT_KAFKA_JVM_OPTIONS;

		private Duration readyTimeout = Duration.ofMinutes(3);

		private Duration stopTimeout = Duration.ofSeconds(30);

		private boolean brokerOnly;

		private boolean dashboard = true;

		private boolean verbose;

		private PrefixedOutput output = new PrefixedOutput(System.out, false);

		private Builder() {
		}

		/** Sets {@link LocalStackOptions#workers()}. */
		public Builder workers(int workers) {
			this.workers = workers;
			return this;
		}

		/** Sets {@link LocalStackOptions#workerMode()}. */
		public Builder workerMode(WorkerMode workerMode) {
			this.workerMode = workerMode;
			return this;
		}

		/** Sets {@link LocalStackOptions#httpPort()}. */
		public Builder httpPort(int httpPort) {
			this.httpPort = httpPort;
			return this;
		}

		/** Sets {@link LocalStackOptions#dashboardPort()}. */
		public Builder dashboardPort(int dashboardPort) {
			this.dashboardPort = dashboardPort;
			return this;
		}

		/** Sets {@link LocalStackOptions#kafkaPort()}. */
		public Builder kafkaPort(int kafkaPort) {
			this.kafkaPort = kafkaPort;
			return this;
		}

		/** Sets {@link LocalStackOptions#controllerPort()}. */
		public Builder controllerPort(int controllerPort) {
			this.controllerPort = controllerPort;
			return this;
		}

		/** Sets {@link LocalStackOptions#dataDirectory()}. */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/** Sets {@link LocalStackOptions#projectDirectory()}. */
		public Builder projectDirectory(Path projectDirectory) {
			this.projectDirectory = projectDirectory;
			return this;
		}

		/** Sets {@link LocalStackOptions#runDirectory()}. */
		public Builder runDirectory(Path runDirectory) {
			this.runDirectory = runDirectory;
			return this;
		}

		/** Sets {@link LocalStackOptions#jvmOptions()}. */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.jvmOptions = jvmOptions;
			return this;
		}

		/** Sets {@link LocalStackOptions#kafkaJvmOptions()}. */
		public Builder kafkaJvmOptions(List<String> kafkaJvmOptions) {
			this.kafkaJvmOptions = kafkaJvmOptions;
			return this;
		}

		/** Sets {@link LocalStackOptions#readyTimeout()}. */
		public Builder readyTimeout(Duration readyTimeout) {
			this.readyTimeout = readyTimeout;
			return this;
		}

		/** Sets {@link LocalStackOptions#stopTimeout()}. */
		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		/** Sets {@link LocalStackOptions#brokerOnly()}. */
		public Builder brokerOnly(boolean brokerOnly) {
			this.brokerOnly = brokerOnly;
			return this;
		}

		/** Sets {@link LocalStackOptions#dashboard()}. */
		public Builder dashboard(boolean dashboard) {
			this.dashboard = dashboard;
			return this;
		}

		/** Sets {@link LocalStackOptions#verbose()}. */
		public Builder verbose(boolean verbose) {
			this.verbose = verbose;
			return this;
		}

		/** Sets {@link LocalStackOptions#output()}. */
		public Builder output(PrefixedOutput output) {
			this.output = output;
			return this;
		}

		/**
		 * Prints the prefixed lines to a stream.
		 * @param out where the lines go
		 * @param colors whether to colour the name prefixes
		 * @return this builder
		 */
		public Builder output(PrintStream out, boolean colors) {
			return output(new PrefixedOutput(out, colors));
		}

		/**
		 * Checks the options and returns them.
		 * @return the options
		 * @throws IllegalArgumentException naming the flag of a wrong option
		 */
		public LocalStackOptions build() {
			return new LocalStackOptions(this.workers, this.workerMode, this.httpPort, this.dashboardPort, this.kafkaPort,
					this.controllerPort, this.dataDirectory, this.projectDirectory, this.runDirectory, this.jvmOptions,
					this.kafkaJvmOptions, this.readyTimeout, this.stopTimeout, this.brokerOnly, this.dashboard, this.verbose,
					this.output);
		}

	}

}
