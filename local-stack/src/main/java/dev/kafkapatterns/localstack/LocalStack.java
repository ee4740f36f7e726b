package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Everything docker-compose would start, as child JVMs of this one: a real Kafka broker, then
 * producer-service, the dashboard, the three fanout consumers and N queue workers, each printing
 * its log lines with its name in front.
 *
 * <pre>{@code
 * LocalStackOptions options = LocalStackOptions.builder().httpPort(0).kafkaPort(0).build();
 * try (LocalStack stack = LocalStack.create(options)) {
 *     stack.start();                      // true once every process is healthy
 *     stack.scale(5);                     // queue-worker-4 and -5 join the group
 *     stack.stop("queue-worker-2");       // SIGTERM, a graceful leave
 *     stack.kill("kafka");                // SIGKILL, a crash
 *     stack.start("kafka");               // same data directory, same ports
 * }                                       // services first, the broker last
 * }</pre>
 *
 * <p>Names: {@code kafka}, {@code producer-service}, {@code dashboard}, {@code fanout-audit},
 * {@code fanout-notifications}, {@code fanout-monitoring}, {@code queue-worker-1} and up. The
 * methods are safe to call from several threads; {@link #close()} also runs on JVM shutdown.
 */
public final class LocalStack implements AutoCloseable {

	/** The broker's name. */
	public static final String KAFKA = ProcessTable.KAFKA;

	private final LocalStackOptions options;

	private final PrefixedOutput output;

	private final StackDirectories directories;

	private final KafkaBroker broker;

	private final ClassDataTraining training;

	private final PidFile pidFile;

	private final ProcessTable processes;

	private final HealthWait health;

	private final ChildLauncher launcher;

	private final ServiceDefinitions services;

	private final WorkerScaler scaler;

	private final ServiceStartup startup;

	private final Ports.Fixed ports;

	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

	private final long createdAt = System.nanoTime();

	private final AtomicBoolean started = new AtomicBoolean();

	private LocalStack(LocalStackOptions options, ProjectJars jars, Ports.Fixed ports) throws IOException {
		this.options = options;
		this.output = options.output();
		this.ports = ports;
		this.directories = new StackDirectories(options.runDirectory(), options.dataDirectory());
		this.pidFile = PidFile.create(PidFile.defaultDirectory(), this.directories.temporary());
		this.processes = new ProcessTable(this.pidFile);
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		String classPath = KafkaBroker.launcherClassPath();
		BrokerClassData brokerClassData = BrokerClassData.of(java, classPath, options.kafkaJvmOptions());
		this.broker = new KafkaBroker(java, classPath, brokerClassData.jvmOptions(), ports.kafka(), ports.controller(),
				this.directories.data(), this.directories.serverProperties());
		Ports others = ports.others();
		this.health = new HealthWait(this.output);
		ClassDataArchives archives = (jars != null) ? new ClassDataArchives(
				jars.projectDirectory().resolve("local-stack").resolve("target").resolve("class-data"), java,
				options.jvmOptions(), this.output) : null;
		this.training = new ClassDataTraining(archives, brokerClassData, others, this.pidFile, this.output);
		this.launcher = new ChildLauncher(this.processes, this.broker, archives,
				ChildWatchdog.writeAgentJar(this.directories.run()), this.health, this.output);
		this.services = (jars != null) ? new ServiceDefinitions(jars, this.broker.bootstrapServers(),
				this.directories.auditFile(), others, options.workerMode(), options.verbose()) : null;
		this.scaler = (jars != null) ? new WorkerScaler(this.processes, this.launcher, this.services, this.health,
				options.readyTimeout(), options.stopTimeout(), this.output) : null;
		this.startup = new ServiceStartup(this.launcher, this.health);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Checks what can be checked before anything starts: the service jars exist, the ports are
	 * free. Starts nothing, but first cleans up what a launcher that was killed left running (see
	 * {@link PidFile}).
	 * @param options how to run the stack
	 * @return the stack, ready to {@link #start()}
	 * @throws LocalStackException with {@link LocalStackException#SETUP_PROBLEM} and a message
	 * that says what to change, such as {@code Port 8080 is already in use; choose another with
	 * --http-port}
	 */
	public static LocalStack create(LocalStackOptions options) {
		PidFile.cleanUpAfterGoneLaunchers(PidFile.defaultDirectory(), options.output());
		Ports.requireDistinctAndFree(options);
		ProjectJars jars = null;
		if (!options.brokerOnly()) {
			jars = (options.projectDirectory() != null) ? new ProjectJars(options.projectDirectory().toAbsolutePath())
					: ProjectJars.locate();
			jars.requirePresent(options.dashboard());
		}
		try {
			return new LocalStack(options, jars, Ports.fix(options));
		}
		catch (IOException ex) {
			throw new LocalStackException(LocalStackException.SETUP_PROBLEM, "Cannot create a directory: " + ex, ex);
		}
	}

	/**
	 * Starts the broker, waits until it answers, then starts producer-service and, once it is
	 * healthy (it creates the topics), every other service, and waits until each one's health
	 * endpoint answers 200. Prints a line starting with {@code Stack ready} or, after
	 * the ready timeout, one starting with {@code Stack not ready} that names the laggards. Then,
	 * if class data archives were missing, starts making them in the background for the next start
	 * ({@link ClassDataTraining}).
	 * @return whether everything was healthy within the ready timeout
	 * @throws LocalStackException if the broker does not come up; no service is started then
	 * @throws InterruptedException if interrupted while waiting (a signal, on the command line)
	 */
	public boolean start() throws InterruptedException {
		this.processes.requireOpen();
		if (!this.started.compareAndSet(false, true)) {
			throw new IllegalStateException("The stack has been started already");
		}
		long begin = System.nanoTime();
		List<ServiceDefinition> initial = (this.services != null)
				? this.services.initial(this.ports.http(), this.ports.dashboard(), this.options.workers()) : List.of();
		this.output.register(KAFKA);
		initial.forEach((service) -> this.output.register(service.name()));
		this.output.launcher("run directory " + this.directories.run()
				+ (this.options.brokerOnly() ? "" : " (audit trail " + this.directories.auditFile() + ")"));
		this.training.extract(initial);
		ChildProcess kafka = this.launcher.launchBroker();
		long readyDeadline = begin + this.options.readyTimeout().toNanos();
		// The services start once the broker answers: each would warn about every refused
		// connection until then.
		this.launcher.awaitBroker(kafka, readyDeadline);
		this.training.announce(initial);
		List<String> unhealthy = this.startup.start(initial, readyDeadline);
		String took = ChildLauncher.seconds(System.nanoTime() - begin);
		boolean ready = unhealthy.isEmpty();
		if (ready) {
			this.output.plain("Stack ready in " + took + ": " + readySummary());
		}
		else {
			this.output.plain("Stack not ready after " + took + ": " + String.join(", ", unhealthy));
		}
		// Work that can wait, after the start rather than before it.
		this.training.startInTheBackground(initial);
		return ready;
	}

	private String readySummary() {
		String kafka = "Kafka bootstrap " + bootstrapServers();
		if (this.options.brokerOnly()) {
			return kafka + " (broker only)";
		}
		long workers = this.processes.runningWorkers().size();
		return "producer-service " + producerUrl() + " \u00b7 " + kafka + " \u00b7 " + workers + " queue worker"
				+ ((workers == 1) ? "" : "s") + ", worker mode " + workerMode()
				+ dashboardUrl().map((url) -> " \u00b7 dashboard " + url).orElse("");
	}

	/**
	 * Starts or stops queue workers until {@code workers} are running. New workers take the
	 * lowest free numbers; the highest-numbered workers stop first. Returns once the new workers
	 * are healthy (or the ready timeout passed) and the removed ones have stopped.
	 * @param workers how many queue workers should run
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void scale(int workers) throws InterruptedException {
		if (workers < 0) {
			throw new IllegalArgumentException("The number of workers must be 0 or more, not " + workers);
		}
		if (this.scaler == null) {
			throw new IllegalStateException("This stack runs the broker only; there are no queue workers to scale");
		}
		this.processes.requireOpen();
		this.scaler.scaleTo(workers);
	}

	/**
	 * Starts a stopped, killed or crashed process again, by name: the broker with the same data
	 * directory and ports, a service with the same port and environment.
	 * @return whether it was healthy within the ready timeout, or running already
	 * @throws IllegalArgumentException for an unknown name
	 */
	public boolean start(String name) throws InterruptedException {
		return this.launcher.startAgain(this.processes.get(name),
				System.nanoTime() + this.options.readyTimeout().toNanos());
	}

	/**
	 * Stops a process gracefully, by name: SIGTERM, then SIGKILL if it is still running after the
	 * stop timeout. It stays in the list, stopped, and {@link #start(String)} can start it again.
	 * @throws IllegalArgumentException for an unknown name
	 */
	public void stop(String name) throws InterruptedException {
		this.processes.stop(name, this.options.stopTimeout(), this.output);
	}

	/**
	 * Kills a process with SIGKILL, by name, as a crash would; a worker's partitions move to the
	 * others once its session times out.
	 * @throws IllegalArgumentException for an unknown name
	 */
	public void kill(String name) throws InterruptedException {
		this.processes.kill(name, this.output);
	}

	/**
	 * The process id of a process's current or last run, empty if it never started.
	 * @throws IllegalArgumentException for an unknown name
	 */
	public OptionalLong pidOf(String name) {
		return this.processes.get(name).pid();
	}

	/** One row per process, in a stable order (broker, producer, dashboard, fanout, workers), each asked for its health just now. */
	public List<ServiceStatus> status() {
		try {
			return this.processes.status();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking the processes for their health", ex);
		}
	}

	/** Where clients find the broker: {@code localhost:<kafka port>}. */
	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** producer-service's base URL: {@code http://localhost:<http port>}. */
	public String producerUrl() {
		return "http://localhost:" + this.ports.http();
	}

	/** The dashboard's URL, {@code http://localhost:<dashboard port>}; empty when the stack runs without one. */
	public Optional<String> dashboardUrl() {
		return this.ports.dashboard().stream().mapToObj((port) -> "http://localhost:" + port).findFirst();
	}

	/** The run directory, where {@code server.properties} and the audit trail are. */
	public Path runDirectory() {
		return this.directories.run();
	}

	/** How the queue workers share the events. */
	public WorkerMode workerMode() {
		return this.options.workerMode();
	}

	/** The broker's log directory. */
	public Path dataDirectory() {
		return this.directories.data();
	}

	/**
	 * The emergency version of {@link #close()}, for when a graceful stop takes too long: kills
	 * every process at once with SIGKILL and deletes the temporary directories. The stack cannot
	 * be used afterwards.
	 */
	public void abort() {
		this.training.stop();
		this.processes.close();
		this.processes.killAll();
		this.directories.deleteTemporary();
		this.pidFile.delete();
	}

	/**
	 * Stops every service gracefully, all at once, then the broker last, so the services can
	 * still commit their offsets and leave their groups; prints a summary. Deletes the temporary
	 * directories. Does nothing the second time.
	 */
	@Override
	public void close() {
		if (!this.processes.close()) {
			return;
		}
		this.training.stop();
		this.processes.stopAll(this.options.stopTimeout(), this.createdAt, this.output);
		this.directories.deleteTemporary();
		this.pidFile.delete();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Closing from the shutdown hook itself.
		}
	}

}
