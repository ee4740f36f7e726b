package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Starts the broker and the services as child processes, listed in the process table: the broker
 * with its storage formatted first, each service with its own command, environment and health
 * check.
 */
final class ChildLauncher {

	private final ProcessTable processes;

	private final KafkaBroker broker;

	private final ClassDataArchives archives;

	private final String watchdog;

	private final HealthWait health;

	private final PrefixedOutput output;

	/**
	 * @param archives the commands that run the services, with class data sharing
	 * @param watchdogAgent the jar of the {@link ChildWatchdog} that every child runs
	 */
	ChildLauncher(ProcessTable processes, KafkaBroker broker, ClassDataArchives archives, Path watchdogAgent,
			HealthWait health, PrefixedOutput output) {
		this.processes = processes;
		this.watchdog = "-javaagent:" + watchdogAgent.toAbsolutePath();
		this.health = health;
		this.broker = broker;
		this.archives = archives;
		this.output = output;
	}

	/**
	 * Starts the broker, or starts it again with the same data and ports, and waits until it
	 * answers.
	 * @param deadline when to give up ({@link System#nanoTime()})
	 * @throws LocalStackException if it cannot start, exits or does not answer in time
	 */
	void startBroker(long deadline) throws InterruptedException {
		awaitBroker(launchBroker(), deadline);
	}

	/**
	 * Formats the broker's storage unless it is formatted already and starts the broker.
	 * @throws LocalStackException if it cannot start
	 */
	ChildProcess launchBroker() throws InterruptedException {
		ChildProcess kafka = this.processes.find(ProcessTable.KAFKA)
			.orElseGet(() -> new ChildProcess(ProcessTable.KAFKA, withWatchdog(this.broker.serverCommand()), Map.of(),
					this.broker.kafkaPort(), "kafka port " + this.broker.kafkaPort() + ", controller port "
							+ this.broker.controllerPort(),
					() -> this.broker.answers(Duration.ofSeconds(1)), this.output));
		try {
			this.broker.prepare()
				.ifPresentOrElse(
						(clusterId) -> this.output.launcher("formatted Kafka storage in " + this.broker.dataDirectory()
								+ " (cluster id " + clusterId + ")"),
						() -> this.output
							.launcher("Kafka storage in " + this.broker.dataDirectory() + " is formatted already"));
			this.processes.launch(kafka);
			return kafka;
		}
		catch (IOException ex) {
			throw new LocalStackException(LocalStackException.START_FAILED, "Cannot start kafka: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Waits until the broker answers.
	 * @throws LocalStackException if it exits or does not answer in time
	 */
	void awaitBroker(ChildProcess kafka, long deadline) throws InterruptedException {
		long begin = System.nanoTime();
		Duration timeout = Duration.ofNanos(Math.max(0, deadline - begin));
		if (!this.broker.awaitAnswer(timeout, kafka::isAlive)) {
			String why = kafka.isAlive() ? "did not answer within " + timeout.toSeconds() + " s"
					: "exited with code " + kafka.exitCode().orElse(-1) + " before answering";
			throw new LocalStackException(LocalStackException.START_FAILED, "kafka " + why);
		}
		kafka.markHealthy();
		this.output.launcher("kafka answers at " + this.broker.bootstrapServers() + " after " + seconds(System.nanoTime() - begin));
	}

	/**
	 * Starts a service; a service that cannot start is reported and left for the health wait to
	 * name.
	 */
	ChildProcess startService(ServiceDefinition service) {
		ChildProcess child = new ChildProcess(service.name(), withWatchdog(this.archives.command(service.jar())),
				service.environment(), service.httpPort(), "http port " + service.httpPort(),
				new ActuatorHealthCheck(service.httpPort()), this.output);
		this.output.register(service.name());
		restart(child);
		return child;
	}

	/**
	 * Starts a stopped, killed or crashed process again and waits until it is healthy.
	 * @return whether it is healthy by the deadline (also if it was running already)
	 */
	boolean startAgain(ChildProcess child, long deadline) throws InterruptedException {
		if (child.isAlive()) {
			this.output.launcher(child.name() + " is running already (pid " + child.pid().getAsLong() + ")");
			return true;
		}
		if (child.name().equals(ProcessTable.KAFKA)) {
			try {
				startBroker(deadline);
				return true;
			}
			catch (LocalStackException ex) {
				this.output.launcher(ex.getMessage());
				return false;
			}
		}
		if (!restart(child)) {
			return false;
		}
		Collection<ChildProcess> unhealthy = this.health.awaitHealthy(List.of(child), deadline);
		this.health.report(unhealthy);
		return unhealthy.isEmpty();
	}

	private boolean restart(ChildProcess service) {
		try {
			this.processes.launch(service);
			return true;
		}
		catch (IOException ex) {
			this.output.launcher("cannot start " + service.name() + ": " + ex.getMessage());
			return false;
		}
	}

	/** The command with the watchdog agent right after the {@code java} executable. */
	private List<String> withWatchdog(List<String> command) {
		List<String> watched = new ArrayList<>(command);
		watched.add(1, this.watchdog);
		return watched;
	}

	static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

}
