package dev.kafkapatterns.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.kafkapatterns.localstack.broker.KafkaBroker;
import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Everything docker-compose would start, as child JVMs of this one: a real Kafka broker, then
 * producer-service, the three fanout consumers and N queue workers, each printing its log lines
 * with its name in front.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.create(LocalStackOptions.defaults().withHttpPort(0).withKafkaPort(0))) {
 *     stack.start();                      // true once every process is healthy
 *     stack.scale(5);                     // queue-worker-4 and -5 join the group
 *     stack.stop("queue-worker-2");       // SIGTERM, a graceful leave
 *     stack.kill("kafka");                // SIGKILL, a crash
 *     stack.start("kafka");               // same data directory, same ports
 * }                                       // services first, the broker last
 * }</pre>
 *
 * <p>Names: {@code kafka}, {@code producer-service}, {@code fanout-audit},
 * {@code fanout-notifications}, {@code fanout-monitoring}, {@code queue-worker-1} and up. The
 * methods are safe to call from several threads; {@link #close()} also runs on JVM shutdown.
 */
public final class LocalStack implements AutoCloseable {

	/** The broker's name. */
	public static final String KAFKA = "kafka";

	private static final Duration HEALTH_POLL = Duration.ofMillis(500);

	private final LocalStackOptions options;

	private final PrefixedOutput output;

	private final Path java;

	private final ProjectJars jars;

	private final KafkaBroker broker;

	private final int httpPort;

	private final Path runDirectory;

	private final Path dataDirectory;

	private final List<Path> temporaryDirectories;

	private final Map<String, ChildProcess> children = new TreeMap<>(LocalStack::compareNames);

	private final Set<Integer> portsHandedOut = ConcurrentHashMap.newKeySet();

	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

	private final long createdAt = System.nanoTime();

	private final Object scaling = new Object();

	private volatile boolean closed;

	private boolean started;

	private LocalStack(LocalStackOptions options, ProjectJars jars, int httpPort, int kafkaPort, int controllerPort)
			throws IOException {
		this.options = options;
		this.output = options.output();
		this.java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
		this.jars = jars;
		this.httpPort = httpPort;
		this.temporaryDirectories = new ArrayList<>();
		this.runDirectory = (options.runDirectory() != null) ? Files.createDirectories(options.runDirectory())
				: temporaryDirectory("local-stack-run-");
		this.dataDirectory = (options.dataDirectory() != null) ? options.dataDirectory().toAbsolutePath()
				: temporaryDirectory("local-stack-kafka-");
		this.broker = new KafkaBroker(this.java, launcherClassPath(), options.kafkaJvmOptions(), kafkaPort,
				controllerPort, this.dataDirectory, this.runDirectory.resolve("server.properties"));
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Checks what can be checked before anything starts: the service jars exist, the ports are
	 * free. Starts nothing.
	 * @param options how to run the stack
	 * @return the stack, ready to {@link #start()}
	 * @throws LocalStackException with {@link LocalStackException#SETUP_PROBLEM} and a message
	 * that says what to change, such as {@code Port 8080 is already in use; choose another with
	 * --http-port}
	 */
	public static LocalStack create(LocalStackOptions options) {
		Map<String, Integer> fixedPorts = new LinkedHashMap<>();
		if (!options.brokerOnly()) {
			fixedPorts.put("--http-port", options.httpPort());
		}
		fixedPorts.put("--kafka-port", options.kafkaPort());
		fixedPorts.put("--controller-port", options.controllerPort());
		requireDistinctFreePorts(fixedPorts);
		ProjectJars jars = null;
		if (!options.brokerOnly()) {
			jars = (options.projectDirectory() != null) ? new ProjectJars(options.projectDirectory().toAbsolutePath())
					: ProjectJars.locate();
			List<Path> missing = jars.missing();
			if (!missing.isEmpty()) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
						"Missing " + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
								+ ": run ./mvnw -DskipTests package first (or point --project-dir at the project)");
			}
		}
		try {
			return new LocalStack(options, jars, portOrFree(options.httpPort()), portOrFree(options.kafkaPort()),
					portOrFree(options.controllerPort()));
		}
		catch (IOException ex) {
			throw new LocalStackException(LocalStackException.SETUP_PROBLEM, "Cannot create a directory: " + ex, ex);
		}
	}

	private static void requireDistinctFreePorts(Map<String, Integer> portsByOption) {
		Map<Integer, String> optionByPort = new LinkedHashMap<>();
		portsByOption.forEach((option, port) -> {
			if (port == 0) {
				return;
			}
			String other = optionByPort.putIfAbsent(port, option);
			if (other != null) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
						other + " and " + option + " are both " + port + "; give them different ports");
			}
			if (!Ports.isFree(port)) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM, Ports.inUseMessage(port, option));
			}
		});
	}

	private static int portOrFree(int port) {
		return (port != 0) ? port : Ports.freePort();
	}

	/**
	 * Starts the broker, waits until it answers, then starts every service and waits until each
	 * one's health endpoint answers 200. Prints a line starting with {@code Stack ready} or, after
	 * the ready timeout, one starting with {@code Stack not ready} that names the laggards.
	 * @return whether everything was healthy within the ready timeout
	 * @throws LocalStackException if the broker does not come up; nothing else is started then
	 * @throws InterruptedException if interrupted while waiting (a signal, on the command line)
	 */
	public boolean start() throws InterruptedException {
		synchronized (this.children) {
			requireOpen();
			if (this.started) {
				throw new IllegalStateException("The stack has been started already");
			}
			this.started = true;
		}
		long begin = System.nanoTime();
		long deadline = begin + this.options.readyTimeout().toNanos();
		List<ServiceDefinition> services = this.options.brokerOnly() ? List.of() : initialServices();
		this.output.register(KAFKA);
		services.forEach((service) -> this.output.register(service.name()));
		this.output.launcher("run directory " + this.runDirectory
				+ (this.options.brokerOnly() ? "" : " (audit trail " + auditFile() + ")"));
		startBroker(deadline);
		List<ChildProcess> started = new ArrayList<>();
		for (ServiceDefinition service : services) {
			started.add(startService(service));
		}
		Collection<ChildProcess> unhealthy = awaitHealthy(started, deadline);
		String took = seconds(System.nanoTime() - begin);
		if (unhealthy.isEmpty()) {
			this.output.plain("Stack ready in " + took + ": " + readySummary());
			return true;
		}
		this.output.plain("Stack not ready after " + took + ": "
				+ unhealthy.stream().map(this::whyUnhealthy).collect(Collectors.joining(", ")));
		return false;
	}

	private List<ServiceDefinition> initialServices() {
		List<ServiceDefinition> services = new ArrayList<>();
		String bootstrap = this.broker.bootstrapServers();
		services.add(ServiceDefinition.producer(this.jars, this.httpPort, bootstrap));
		for (String role : ServiceDefinition.FANOUT_ROLES) {
			services.add(ServiceDefinition.fanout(this.jars, role, freshPort(), bootstrap, auditFile()));
		}
		for (int number = 1; number <= this.options.workers(); number++) {
			services.add(ServiceDefinition.worker(this.jars, number, freshPort(), bootstrap));
		}
		return services;
	}

	private String readySummary() {
		String kafka = "Kafka bootstrap " + bootstrapServers();
		if (this.options.brokerOnly()) {
			return kafka + " (broker only)";
		}
		long workers = aliveWorkers().size();
		return "producer-service " + producerUrl() + " \u00b7 " + kafka + " \u00b7 " + workers + " queue worker"
				+ ((workers == 1) ? "" : "s");
	}

	private void startBroker(long deadline) throws InterruptedException {
		ChildProcess kafka;
		synchronized (this.children) {
			kafka = this.children.computeIfAbsent(KAFKA, (name) -> new ChildProcess(KAFKA, this.broker.serverCommand(),
					Map.of(), this.broker.kafkaPort(), "kafka port " + this.broker.kafkaPort() + ", controller port "
							+ this.broker.controllerPort(),
					() -> this.broker.answers(Duration.ofSeconds(1)), this.output));
		}
		try {
			this.broker.prepare()
				.ifPresentOrElse(
						(clusterId) -> this.output.launcher("formatted Kafka storage in " + this.dataDirectory
								+ " (cluster id " + clusterId + ")"),
						() -> this.output.launcher("Kafka storage in " + this.dataDirectory + " is formatted already"));
			launch(kafka);
		}
		catch (IOException ex) {
			throw new LocalStackException(LocalStackException.START_FAILED, "Cannot start kafka: " + ex.getMessage(), ex);
		}
		long begin = System.nanoTime();
		Duration timeout = Duration.ofNanos(Math.max(0, deadline - begin));
		if (!this.broker.awaitAnswer(timeout, kafka::isAlive)) {
			String why = kafka.isAlive() ? "did not answer within " + timeout.toSeconds() + " s"
					: "exited with code " + kafka.exitCode().orElse(-1) + " before answering";
			throw new LocalStackException(LocalStackException.START_FAILED, "kafka " + why);
		}
		kafka.markHealthy();
		this.output.launcher("kafka answers at " + bootstrapServers() + " after " + seconds(System.nanoTime() - begin));
	}

	private ChildProcess startService(ServiceDefinition service) {
		ChildProcess child = new ChildProcess(service.name(), service.command(this.java, this.options.jvmOptions()),
				service.environment(), service.httpPort(), "http port " + service.httpPort(),
				new ActuatorHealthCheck(service.httpPort()), this.output);
		try {
			synchronized (this.children) {
				requireOpen();
				this.children.put(service.name(), child);
				launch(child);
			}
		}
		catch (IOException ex) {
			this.output.launcher("cannot start " + service.name() + ": " + ex.getMessage());
		}
		return child;
	}

	/**
	 * Starts a child unless the stack is closing. Under the lock that {@link #close()} takes to
	 * list the children, so a child is either on that list or never started: none is left behind.
	 */
	private void launch(ChildProcess child) throws IOException {
		synchronized (this.children) {
			requireOpen();
			child.start();
		}
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The stack is stopping or stopped");
		}
	}

	/**
	 * Polls the health of each child until all are healthy, the deadline passes or none of the
	 * unhealthy ones is alive any more. Prints a line for each as it turns healthy.
	 */
	private Collection<ChildProcess> awaitHealthy(Collection<ChildProcess> children, long deadline)
			throws InterruptedException {
		Set<ChildProcess> waiting = new LinkedHashSet<>(children);
		while (!waiting.isEmpty()) {
			for (Iterator<ChildProcess> iterator = waiting.iterator(); iterator.hasNext();) {
				ChildProcess child = iterator.next();
				if (child.probeHealthy()) {
					this.output.launcher(child.name() + " healthy after "
							+ String.format(Locale.ROOT, "%.1f s", child.uptimeSeconds()));
					iterator.remove();
				}
			}
			if (waiting.isEmpty() || System.nanoTime() > deadline || waiting.stream().noneMatch(ChildProcess::isAlive)) {
				break;
			}
			Thread.sleep(HEALTH_POLL.toMillis());
		}
		return waiting;
	}

	private String whyUnhealthy(ChildProcess child) {
		if (!child.isAlive()) {
			return child.name() + " (exited with code " + child.exitCode().orElse(-1) + ")";
		}
		return child.name() + " (no healthy answer on port " + child.port() + ")";
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
		requireServices();
		requireOpen();
		// One scaling at a time: two at once would pick the same free numbers.
		synchronized (this.scaling) {
			scaleTo(workers);
		}
	}

	private void scaleTo(int workers) throws InterruptedException {
		List<ServiceDefinition> added = new ArrayList<>();
		List<ChildProcess> removed = new ArrayList<>();
		int before;
		synchronized (this.children) {
			List<ChildProcess> alive = aliveWorkers();
			before = alive.size();
			Set<Integer> taken = new HashSet<>();
			alive.forEach((worker) -> taken.add(ServiceDefinition.workerNumber(worker.name()).getAsInt()));
			for (int number = 1; added.size() < workers - before; number++) {
				if (!taken.contains(number)) {
					added.add(ServiceDefinition.worker(this.jars, number, freshPort(), this.broker.bootstrapServers()));
				}
			}
			for (int index = alive.size() - 1; index >= workers; index--) {
				removed.add(alive.get(index));
			}
		}
		if (added.isEmpty() && removed.isEmpty()) {
			this.output.launcher(before + " queue workers running already");
			return;
		}
		this.output.launcher("scaling queue workers from " + before + " to " + workers);
		List<ChildProcess> started = new ArrayList<>();
		for (ServiceDefinition worker : added) {
			this.output.register(worker.name());
			started.add(startService(worker));
		}
		stopAll(removed).forEach((stopped) -> {
			synchronized (this.children) {
				this.children.remove(stopped.name());
			}
			this.output.launcher(stopped.describe());
		});
		Collection<ChildProcess> unhealthy = awaitHealthy(started,
				System.nanoTime() + this.options.readyTimeout().toNanos());
		unhealthy.forEach((child) -> this.output.launcher("not healthy: " + whyUnhealthy(child)));
		this.output.launcher(aliveWorkers().size() + " queue workers running");
	}

	/**
	 * Starts a stopped, killed or crashed process again: the broker with the same data directory
	 * and ports, a service with the same port and environment.
	 * @param name the process name
	 * @return whether it was healthy within the ready timeout (also {@code true} if it was
	 * running already)
	 * @throws IllegalArgumentException for an unknown name
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean start(String name) throws InterruptedException {
		ChildProcess child = child(name);
		if (child.isAlive()) {
			this.output.launcher(name + " is running already (pid " + child.pid().getAsLong() + ")");
			return true;
		}
		long deadline = System.nanoTime() + this.options.readyTimeout().toNanos();
		if (name.equals(KAFKA)) {
			try {
				startBroker(deadline);
				return true;
			}
			catch (LocalStackException ex) {
				this.output.launcher(ex.getMessage());
				return false;
			}
		}
		try {
			launch(child);
		}
		catch (IOException ex) {
			this.output.launcher("cannot start " + name + ": " + ex.getMessage());
			return false;
		}
		Collection<ChildProcess> unhealthy = awaitHealthy(List.of(child), deadline);
		unhealthy.forEach((laggard) -> this.output.launcher("not healthy: " + whyUnhealthy(laggard)));
		return unhealthy.isEmpty();
	}

	/**
	 * Stops a process gracefully: SIGTERM, then SIGKILL if it is still running after the stop
	 * timeout. It stays in the list, stopped, and {@link #start(String)} can start it again.
	 * @param name the process name
	 * @throws IllegalArgumentException for an unknown name
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void stop(String name) throws InterruptedException {
		ChildProcess child = child(name);
		if (!child.isAlive()) {
			this.output.launcher(name + " is not running");
			return;
		}
		this.output.launcher("stopping " + name + " (SIGTERM)");
		this.output.launcher(child.stop(this.options.stopTimeout()).describe());
	}

	/**
	 * Kills a process with SIGKILL, as a crash would; a worker's partitions move to the others
	 * once its session times out.
	 * @param name the process name
	 * @throws IllegalArgumentException for an unknown name
	 * @throws InterruptedException if interrupted while waiting for it to go
	 */
	public void kill(String name) throws InterruptedException {
		ChildProcess child = child(name);
		if (!child.isAlive()) {
			this.output.launcher(name + " is not running");
			return;
		}
		this.output.launcher(child.kill().describe());
	}

	/**
	 * The process id of a process's current or last run.
	 * @param name the process name
	 * @return the pid, or empty if it never started
	 * @throws IllegalArgumentException for an unknown name
	 */
	public OptionalLong pidOf(String name) {
		return child(name).pid();
	}

	/**
	 * The HTTP port of a service, or the client port of the broker.
	 * @param name the process name
	 * @return the port
	 * @throws IllegalArgumentException for an unknown name
	 */
	public int portOf(String name) {
		return child(name).port();
	}

	/**
	 * Every process the stack knows, in a stable order (broker, producer, fanout, workers), each
	 * asked for its health just now.
	 * @return one row per process
	 */
	public List<ServiceStatus> status() {
		List<ChildProcess> all;
		synchronized (this.children) {
			all = List.copyOf(this.children.values());
		}
		return inParallel(all, "status", LocalStack::statusOf);
	}

	private static ServiceStatus statusOf(ChildProcess child) throws InterruptedException {
		boolean healthy = child.probeHealthy();
		return new ServiceStatus(child.name(), child.pid(), child.port(), child.state(), child.exitCode(), healthy);
	}

	/**
	 * The names of every process the stack knows.
	 * @return the names, in {@link #status()} order
	 */
	public List<String> names() {
		synchronized (this.children) {
			return List.copyOf(this.children.keySet());
		}
	}

	/**
	 * Where clients find the broker.
	 * @return {@code localhost:<kafka port>}
	 */
	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/**
	 * producer-service's base URL.
	 * @return {@code http://localhost:<http port>}
	 */
	public String producerUrl() {
		return "http://localhost:" + this.httpPort;
	}

	/**
	 * Where {@code server.properties} and the audit trail are.
	 * @return the run directory
	 */
	public Path runDirectory() {
		return this.runDirectory;
	}

	/**
	 * The broker's log directory.
	 * @return the data directory
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * The file fanout-audit appends every event to.
	 * @return the audit trail, in the run directory
	 */
	public Path auditFile() {
		return this.runDirectory.resolve("audit").resolve("audit-trail.jsonl");
	}

	/**
	 * The emergency version of {@link #close()}, for when a graceful stop takes too long: kills
	 * every process at once with SIGKILL and deletes the temporary directories. The stack cannot
	 * be used afterwards.
	 */
	public void abort() {
		List<ChildProcess> all;
		synchronized (this.children) {
			this.closed = true;
			all = List.copyOf(this.children.values());
		}
		for (ChildProcess child : all) {
			try {
				child.kill();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.temporaryDirectories.forEach(LocalStack::deleteRecursively);
	}

	/**
	 * Stops every service gracefully, all at once, then the broker last, so the services can
	 * still commit their offsets and leave their groups; prints a summary. Deletes the temporary
	 * directories. Does nothing the second time.
	 */
	@Override
	public void close() {
		List<ChildProcess> services;
		ChildProcess kafka;
		synchronized (this.children) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			services = this.children.values().stream().filter((child) -> !child.name().equals(KAFKA)).toList();
			kafka = this.children.get(KAFKA);
		}
		// A signal may have interrupted the thread that closes; the stops below must still wait.
		boolean interrupted = Thread.interrupted();
		long begin = System.nanoTime();
		long alive = services.stream().filter(ChildProcess::isAlive).count();
		this.output.launcher((alive > 0) ? "stopping " + alive + " services, then kafka" : "stopping kafka");
		List<ChildProcess.Stopped> summary = new ArrayList<>(stopAll(services));
		if (kafka != null) {
			summary.addAll(stopAll(List.of(kafka)));
		}
		this.output.launcher("summary, up " + seconds(begin - this.createdAt) + ":");
		for (ChildProcess.Stopped stopped : summary) {
			String pid = stopped.pid().isPresent() ? "pid " + stopped.pid().getAsLong() : "";
			this.output.launcher(String.format(Locale.ROOT, "  %-22s %-11s %s", stopped.name(), pid, stopped.outcome()));
		}
		this.output.launcher("all processes stopped in " + seconds(System.nanoTime() - begin));
		this.temporaryDirectories.forEach(LocalStack::deleteRecursively);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Closing from the shutdown hook itself.
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the children in parallel, each with the stop timeout, and waits for all. */
	private List<ChildProcess.Stopped> stopAll(List<ChildProcess> children) {
		return inParallel(children, "stop", (child) -> child.stop(this.options.stopTimeout()));
	}

	/**
	 * Applies a blocking action to every child, each on its own thread, so that one slow child
	 * (a stop that takes 20 s, a health check that times out) does not hold up the others.
	 */
	private static <R> List<R> inParallel(List<ChildProcess> children, String action, ChildAction<R> function) {
		List<CompletableFuture<R>> results = new ArrayList<>();
		for (ChildProcess child : children) {
			CompletableFuture<R> result = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					result.complete(function.apply(child));
				}
				catch (InterruptedException | RuntimeException ex) {
					result.completeExceptionally(ex);
				}
			}, action + "-" + child.name());
			thread.setDaemon(true);
			thread.start();
			results.add(result);
		}
		return results.stream().map(CompletableFuture::join).toList();
	}

	@FunctionalInterface
	private interface ChildAction<R> {

		R apply(ChildProcess child) throws InterruptedException;

	}

	private ChildProcess child(String name) {
		synchronized (this.children) {
			ChildProcess child = this.children.get(name);
			if (child == null) {
				throw new IllegalArgumentException(
						"No process named '" + name + "'; the processes are " + String.join(", ", this.children.keySet()));
			}
			return child;
		}
	}

	private List<ChildProcess> aliveWorkers() {
		synchronized (this.children) {
			return this.children.values()
				.stream()
				.filter((child) -> ServiceDefinition.workerNumber(child.name()).isPresent())
				.filter((child) -> child.isAlive() && child.state() != ServiceState.STOPPING)
				.toList();
		}
	}

	private void requireServices() {
		if (this.options.brokerOnly()) {
			throw new IllegalStateException("This stack runs the broker only; there are no queue workers to scale");
		}
	}

	private int freshPort() {
		while (true) {
			int port = Ports.freePort();
			if (port != this.httpPort && this.portsHandedOut.add(port)) {
				return port;
			}
		}
	}

	private Path temporaryDirectory(String prefix) throws IOException {
		Path directory = Files.createTempDirectory(prefix);
		this.temporaryDirectories.add(directory);
		return directory;
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A temporary directory left behind is not worth failing the stop for.
		}
	}

	/**
	 * The class path the broker runs with: this JVM's own, made absolute. From the launcher jar
	 * that is the jar alone, whose manifest names its dependencies in {@code lib/}.
	 */
	private static String launcherClassPath() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** Broker first, then producer, the fanout roles in their order, then workers by number. */
	static int compareNames(String left, String right) {
		return Comparator.comparingInt(LocalStack::rank)
			.thenComparingInt((String name) -> ServiceDefinition.workerNumber(name).orElse(0))
			.thenComparing(Comparator.naturalOrder())
			.compare(left, right);
	}

	private static int rank(String name) {
		if (name.equals(KAFKA)) {
			return 0;
		}
		if (name.equals(ServiceDefinition.PRODUCER)) {
			return 1;
		}
		int role = ServiceDefinition.FANOUT_ROLES.indexOf(name.replaceFirst("^" + ServiceDefinition.FANOUT_PREFIX, ""));
		if (name.startsWith(ServiceDefinition.FANOUT_PREFIX) && role >= 0) {
			return 2 + role;
		}
		OptionalInt worker = ServiceDefinition.workerNumber(name);
		return worker.isPresent() ? 10 : 20;
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private static boolean isWindows() {
		return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
	}

}
