package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import dev.kafkapatterns.localstack.output.OutputPump;
import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * One named child JVM: the broker or a service. Starts it with its output prefixed by its name,
 * stops it with SIGTERM and, after a timeout, SIGKILL, and reports an exit nobody asked for.
 * A stopped child can be started again, with the same command, port and environment.
 */
final class ChildProcess {

	/**
	 * A shell that sets SIGINT and SIGHUP to ignored and then becomes the child (exec, same pid).
	 * A JVM leaves a shutdown signal alone that was ignored when it started, so a Ctrl-C or a
	 * closing terminal reaches only the launcher, which stops the services before the broker
	 * instead of all at once; SIGTERM, which the launcher sends, still stops a child gracefully.
	 *
	 * <p>Not a session of its own per child ({@code setsid}), as before: on Linux, with the
	 * kernel's automatic grouping on (most distributions), every session is a scheduling group,
	 * and under load each group gets an equal share of the cores, whatever it needs. The
	 * producer-service and the broker need more than an equal share at 1,000 events/s, so their
	 * threads queued for the CPU in bursts (the producer-service's Kafka sender thread waited 8.2 s
	 * in 10 s for 0.5 s of work) while the consumers got theirs at once. In the launcher's session
	 * the children share one group and the kernel is fair between threads: the API's answers at
	 * 1,000 events/s came about four times sooner (README, "One scheduling group for the whole
	 * stack").
	 */
	private static final List<String> TERMINAL_SIGNALS_IGNORED = terminalSignalsIgnored();

	private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final int port;

	private final String portsDescription;

	private final HealthCheck healthCheck;

	private final PrefixedOutput output;

	private Process process;

	private Thread outputPump;

	private ServiceState state = ServiceState.STOPPED;

	private boolean killRequested;

	private long startedAt;

	ChildProcess(String name, List<String> command, Map<String, String> environment, int port,
			String portsDescription, HealthCheck healthCheck, PrefixedOutput output) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.port = port;
		this.portsDescription = portsDescription;
		this.healthCheck = healthCheck;
		this.output = output;
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	synchronized void start() throws IOException {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running (pid " + this.process.pid() + ")");
		}
		List<String> launch = new ArrayList<>(TERMINAL_SIGNALS_IGNORED);
		launch.addAll(this.command);
		ProcessBuilder builder = new ProcessBuilder(launch).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		// Nothing is ever written to the child's standard input, but it stays open: its end tells
		// the child's watchdog that the launcher is gone (see ChildWatchdog).
		Process started = builder.start();
		this.process = started;
		this.state = ServiceState.STARTING;
		this.killRequested = false;
		this.startedAt = System.nanoTime();
		this.outputPump = new Thread(() -> pump(started), this.name + "-output");
		this.outputPump.setDaemon(true);
		this.outputPump.start();
		started.onExit().thenRun(() -> exited(started));
		this.output.launcher(this.name + " started (pid " + started.pid() + ", " + this.portsDescription + ")");
	}

	private void pump(Process source) {
		try (InputStream in = source.getInputStream()) {
			OutputPump.pump(in, OutputPump.DEFAULT_PAUSE, (lines) -> this.output.lines(this.name, lines));
		}
		catch (IOException ex) {
			// The stream closes when the process ends; nothing left to print.
		}
	}

	private void exited(Process ended) {
		Thread pump;
		synchronized (this) {
			pump = (ended == this.process) ? this.outputPump : null;
		}
		// Print the process's last lines before the line that says it ended.
		joinQuietly(pump);
		synchronized (this) {
			if (ended == this.process && !endAsRequested(ended)) {
				this.state = ServiceState.EXITED;
				this.output.launcher(this.name + " exited unexpectedly with code " + ended.exitValue());
			}
		}
	}

	/** Records the end of a process that was asked to stop or die; false if nobody asked. */
	private synchronized boolean endAsRequested(Process ended) {
		if (ended != this.process || ended.isAlive()) {
			return true;
		}
		if (this.killRequested) {
			this.state = ServiceState.KILLED;
		}
		else if (this.state == ServiceState.STOPPING || this.state == ServiceState.STOPPED) {
			this.state = ServiceState.STOPPED;
		}
		return this.killRequested || this.state == ServiceState.STOPPED;
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	synchronized OptionalLong pid() {
		return (this.process != null) ? OptionalLong.of(this.process.pid()) : OptionalLong.empty();
	}

	synchronized ServiceState state() {
		return this.state;
	}

	synchronized OptionalInt exitCode() {
		return (this.process == null || this.process.isAlive()) ? OptionalInt.empty()
				: OptionalInt.of(this.process.exitValue());
	}

	/** Seconds since the current run started. */
	synchronized double uptimeSeconds() {
		return (System.nanoTime() - this.startedAt) / 1e9;
	}

	/** Asks the health check, if the process is alive, and remembers a healthy answer. */
	boolean probeHealthy() throws InterruptedException {
		boolean healthy = isAlive() && this.healthCheck.healthy();
		if (healthy) {
			markHealthy();
		}
		return healthy;
	}

	synchronized void markHealthy() {
		if (this.state == ServiceState.STARTING) {
			this.state = ServiceState.RUNNING;
		}
	}

	/**
	 * SIGTERM, then waits up to the timeout for a graceful exit, then SIGKILL. Descendants of the
	 * process are killed too. Safe to call while another stop is under way.
	 */
	Stopped stop(Duration timeout) throws InterruptedException {
		Process running;
		boolean alreadyStopping;
		synchronized (this) {
			running = this.process;
			if (running == null) {
				return new Stopped(this.name, OptionalLong.empty(), "never started");
			}
			if (!running.isAlive()) {
				return new Stopped(this.name, OptionalLong.of(running.pid()), describeEnd(running));
			}
			alreadyStopping = this.state == ServiceState.STOPPING;
			this.state = ServiceState.STOPPING;
		}
		long begin = System.nanoTime();
		// Descendants are re-parented once the process is gone, so note them first.
		List<ProcessHandle> descendants = running.descendants().toList();
		// Signals go through the ProcessHandle: Process.destroy() would also close the output
		// stream, and the lines the process logs while it shuts down would be lost.
		if (!alreadyStopping) {
			running.toHandle().destroy();
		}
		boolean graceful = running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!graceful) {
			this.output.launcher(this.name + " did not stop within " + timeout.toSeconds() + " s; killing it");
			running.toHandle().destroyForcibly();
			running.waitFor(EXIT_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
		}
		awaitEnd(running, descendants);
		String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - begin) / 1e9);
		String how = graceful ? "stopped in " + took : "killed after " + took + " (did not stop gracefully)";
		return new Stopped(this.name, OptionalLong.of(running.pid()), how + exitCodeText(running));
	}

	/** SIGKILL, at once, to the process and its descendants; waits until it is gone. */
	Stopped kill() throws InterruptedException {
		Process running;
		synchronized (this) {
			running = this.process;
			if (running == null || !running.isAlive()) {
				return new Stopped(this.name, pid(), "was not running");
			}
			this.killRequested = true;
		}
		List<ProcessHandle> descendants = running.descendants().toList();
		running.toHandle().destroyForcibly();
		running.waitFor(EXIT_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
		awaitEnd(running, descendants);
		return new Stopped(this.name, OptionalLong.of(running.pid()), "killed" + exitCodeText(running));
	}

	/** Kills what is left and records the end at once, not only when the exit callback runs. */
	private void awaitEnd(Process ended, List<ProcessHandle> descendants) {
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		Thread pump;
		synchronized (this) {
			pump = (ended == this.process) ? this.outputPump : null;
		}
		joinQuietly(pump);
		endAsRequested(ended);
	}

	private String describeEnd(Process ended) {
		return switch (this.state) {
			case KILLED -> "had been killed" + exitCodeText(ended);
			case EXITED -> "had exited with code " + ended.exitValue();
			default -> "had stopped" + exitCodeText(ended);
		};
	}

	private static String exitCodeText(Process process) {
		return process.isAlive() ? " (still alive)" : " (exit code " + process.exitValue() + ")";
	}

	private static void joinQuietly(Thread thread) {
		if (thread == null) {
			return;
		}
		try {
			thread.join(Duration.ofSeconds(2).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> terminalSignalsIgnored() {
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows")
				|| !Files.isExecutable(Path.of("/bin/sh"))) {
			return List.of();
		}
		return List.of("/bin/sh", "-c", "trap '' INT HUP; exec \"$@\"", "local-stack-child");
	}

	/**
	 * How a child ended, for the launcher's messages and the summary.
	 *
	 * @param name the child
	 * @param pid its process id, if it ever ran
	 * @param outcome for example {@code stopped in 2.1 s (exit code 143)}
	 */
	record Stopped(String name, OptionalLong pid, String outcome) {

		String describe() {
			return this.name + " " + this.outcome;
		}

	}

}
