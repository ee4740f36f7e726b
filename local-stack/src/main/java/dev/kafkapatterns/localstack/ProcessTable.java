package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Every child process the stack knows, by name, in the order people read them: the broker, then
 * producer-service, the dashboard, the fanout roles, and the workers by number. A child starts through
 * {@link #launch}, under the lock that {@link #close()} takes to list the children, so a child is
 * either on that list or never started: none is left behind.
 */
final class ProcessTable {

	/** The broker's name. */
	static final String KAFKA = "kafka";

	private final Map<String, ChildProcess> children = new TreeMap<>(ProcessTable::compareNames);

	private final PidFile pidFile;

	private boolean closed;

	ProcessTable(PidFile pidFile) {
		this.pidFile = pidFile;
	}

	/**
	 * Lists the child under its name, replacing one that ran under the same name before, and
	 * starts it, unless the stack is closing.
	 * @throws IllegalStateException if the stack is closing
	 */
	synchronized void launch(ChildProcess child) throws IOException {
		requireOpen();
		this.children.put(child.name(), child);
		child.start();
		this.pidFile.started(child);
	}

	synchronized void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The stack is stopping or stopped");
		}
	}

	/**
	 * The child of that name.
	 * @throws IllegalArgumentException for an unknown name, listing the known ones
	 */
	synchronized ChildProcess get(String name) {
		ChildProcess child = this.children.get(name);
		if (child == null) {
			throw new IllegalArgumentException(
					"No process named '" + name + "'; the processes are " + String.join(", ", this.children.keySet()));
		}
		return child;
	}

	synchronized Optional<ChildProcess> find(String name) {
		return Optional.ofNullable(this.children.get(name));
	}

	synchronized List<ChildProcess> all() {
		return List.copyOf(this.children.values());
	}

	synchronized void remove(ChildProcess child) {
		this.children.remove(child.name(), child);
	}

	/** The queue workers that run and are not stopping, by number. */
	synchronized List<ChildProcess> runningWorkers() {
		return this.children.values()
			.stream()
			.filter((child) -> ServiceDefinition.workerNumber(child.name()).isPresent())
			.filter((child) -> child.isAlive() && child.state() != ServiceState.STOPPING)
			.toList();
	}

	/**
	 * Refuses every later {@link #launch}.
	 * @return whether the table was open until now
	 */
	synchronized boolean close() {
		boolean wasOpen = !this.closed;
		this.closed = true;
		return wasOpen;
	}

	/** Stops one process gracefully (SIGTERM, then SIGKILL after the timeout) and says how it went. */
	void stop(String name, Duration timeout, PrefixedOutput output) throws InterruptedException {
		ChildProcess child = get(name);
		if (!child.isAlive()) {
			output.launcher(name + " is not running");
			return;
		}
		output.launcher("stopping " + name + " (SIGTERM)");
		output.launcher(child.stop(timeout).describe());
	}

	/** Kills one process with SIGKILL and says so. */
	void kill(String name, PrefixedOutput output) throws InterruptedException {
		ChildProcess child = get(name);
		output.launcher(child.isAlive() ? child.kill().describe() : name + " is not running");
	}

	/**
	 * Stops every service gracefully, all at once, then the broker, so the services can still
	 * commit their offsets and leave their groups, and prints how each ended.
	 * @param createdAt when the stack was created ({@link System#nanoTime()}), for the summary
	 */
	void stopAll(Duration timeout, long createdAt, PrefixedOutput output) {
		long begin = System.nanoTime();
		List<ChildProcess> services = all().stream().filter((child) -> !child.name().equals(KAFKA)).toList();
		long alive = services.stream().filter(ChildProcess::isAlive).count();
		output.launcher((alive > 0) ? "stopping " + alive + " services, then kafka" : "stopping kafka");
		// A signal may have interrupted the thread that closes; the stops must still wait.
		boolean interrupted = Thread.interrupted();
		List<ChildProcess.Stopped> stopped = new ArrayList<>(stop(services, timeout));
		interrupted |= Thread.interrupted();
		stopped.addAll(stop(find(KAFKA).stream().toList(), timeout));
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		output.launcher("summary, up " + ChildLauncher.seconds(begin - createdAt) + ":");
		for (ChildProcess.Stopped child : stopped) {
			String pid = child.pid().isPresent() ? "pid " + child.pid().getAsLong() : "";
			output.launcher(String.format(Locale.ROOT, "  %-22s %-11s %s", child.name(), pid, child.outcome()));
		}
		output.launcher("all processes stopped in " + ChildLauncher.seconds(System.nanoTime() - begin));
	}

	/**
	 * Stops the children gracefully, all at once, each with the timeout. An interrupt, such as a
	 * signal that arrives late, does not cut the stops short (a second signal kills everything
	 * anyway); it is kept for the caller.
	 */
	static List<ChildProcess.Stopped> stop(List<ChildProcess> children, Duration timeout) {
		boolean interrupted = false;
		while (true) {
			try {
				List<ChildProcess.Stopped> stopped = inParallel(children, (child) -> child.stop(timeout));
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				return stopped;
			}
			catch (InterruptedException ex) {
				// A stop that is under way is safe to ask for again: it waits for the same exit.
				interrupted = true;
			}
		}
	}

	/** Every process, each asked for its health just now. */
	List<ServiceStatus> status() throws InterruptedException {
		return inParallel(all(), (child) -> {
			boolean healthy = child.probeHealthy();
			return new ServiceStatus(child.name(), child.pid(), child.port(), child.state(), child.exitCode(), healthy);
		});
	}

	/**
	 * Applies a blocking action to every child, each on its own thread, so that one slow child
	 * (a stop that takes 20 s, a health check that times out) does not hold up the others.
	 */
	private static <R> List<R> inParallel(List<ChildProcess> children, ChildAction<R> action)
			throws InterruptedException {
		if (children.isEmpty()) {
			return List.of();
		}
		ExecutorService threads = Executors.newFixedThreadPool(children.size(), (task) -> {
			Thread thread = new Thread(task, "local-stack-parallel");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<R> results = new ArrayList<>();
			for (Future<R> result : threads.invokeAll(
					children.stream().map((child) -> (Callable<R>) () -> action.apply(child)).toList())) {
				results.add(result.get());
			}
			return results;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof InterruptedException interrupted) {
				throw interrupted;
			}
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface ChildAction<R> {

		R apply(ChildProcess child) throws InterruptedException;

	}

	/** Kills every process at once with SIGKILL. */
	List<ChildProcess.Stopped> killAll() {
		return kill(all());
	}

	private static List<ChildProcess.Stopped> kill(List<ChildProcess> children) {
		List<ChildProcess.Stopped> killed = new ArrayList<>();
		for (ChildProcess child : children) {
			try {
				killed.add(child.kill());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return killed;
	}

	/** Broker first, then producer, dashboard, the fanout roles in their order, then workers by number. */
	static int compareNames(String left, String right) {
		return Comparator.comparingInt(ProcessTable::rank)
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
		if (name.equals(ServiceDefinition.DASHBOARD)) {
			return 2;
		}
		int role = ServiceDefinition.FANOUT_ROLES.indexOf(name.replaceFirst("^" + ServiceDefinition.FANOUT_PREFIX, ""));
		if (name.startsWith(ServiceDefinition.FANOUT_PREFIX) && role >= 0) {
			return 3 + role;
		}
		return ServiceDefinition.workerNumber(name).isPresent() ? 10 : 20;
	}

}
