package dev.kafkapatterns.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * The training runs for the class data archives that are still missing, made once the stack is
 * ready, in the background: one run at a time, at the lowest CPU priority. The first start after a
 * build starts every JVM without an archive, as fast as that goes, instead of waiting for the runs
 * first; the next start maps the archives. Nothing of a start that can wait is on its critical path.
 *
 * <p>What it prints, and what scripts can wait for: {@value #MISSING} before the services start,
 * when there is anything to make, and {@value #DONE} once every run has ended (a run that fails
 * says so on a line of its own, and that archive is tried again on the next start). A stack that
 * stops first kills the run in progress, which leaves nothing behind.
 */
final class ClassDataTraining {

	/** The start of the line that says the archives will be made after the start. */
	static final String MISSING = "class data archives missing";

	/** The start of the line that says the training runs have ended. */
	static final String DONE = "class data archives done";

	private final ClassDataArchives services;

	private final BrokerClassData broker;

	private final Ports ports;

	private final PidFile pidFile;

	private final PrefixedOutput output;

	private Thread runs;

	private boolean stopped;

	/**
	 * @param services the services' archives, {@code null} when only the broker runs
	 */
	ClassDataTraining(ClassDataArchives services, BrokerClassData broker, Ports ports, PidFile pidFile,
			PrefixedOutput output) {
		this.services = services;
		this.broker = broker;
		this.ports = ports;
		this.pidFile = pidFile;
		this.output = output;
	}

	/** Starts extracting the services' jars, in the background. */
	void extract(List<ServiceDefinition> services) {
		if (this.services != null) {
			this.services.extract(services.stream().map(ServiceDefinition::jar).distinct().toList());
		}
	}

	/**
	 * Says, before the services start, that they start without some archives and that those are made
	 * once the stack is ready.
	 * @return whether any archive is missing
	 */
	boolean announce(List<ServiceDefinition> services) {
		boolean missing = missing(services);
		if (missing) {
			this.output.launcher(MISSING + " (the first start after a build, or other JVM options): this start runs"
					+ " without them, and they are made once the stack is ready, in the background, for the next"
					+ " start (" + ((this.services != null) ? this.services.cache() : this.broker.cache().orElse(null))
					+ ")");
		}
		return missing;
	}

	/**
	 * Starts making the missing archives on a thread of its own: one training run per jar and one
	 * for the broker, one after the other, each at the lowest CPU priority. Returns at once.
	 * @param services the services that run, one of each jar trained in the environment of the first
	 */
	synchronized void startInTheBackground(List<ServiceDefinition> services) {
		if (this.stopped || this.runs != null || !missing(services)) {
			return;
		}
		List<ServiceDefinition> trainees = oneOfEachJar(services);
		this.runs = new Thread(() -> train(trainees), "class-data-training");
		this.runs.setDaemon(true);
		this.runs.start();
	}

	private boolean missing(List<ServiceDefinition> services) {
		return this.broker.missing()
				|| (this.services != null && oneOfEachJar(services).stream().anyMatch(this.services::missing));
	}

	private void train(List<ServiceDefinition> trainees) {
		long begin = System.nanoTime();
		try {
			if (this.services != null) {
				for (ServiceDefinition service : trainees) {
					this.services.train(service);
				}
			}
			this.broker.train(this.ports, this.pidFile, this.output);
			this.output.launcher(DONE + " in " + ChildLauncher.seconds(System.nanoTime() - begin)
					+ "; the next start maps them");
		}
		catch (InterruptedException ex) {
			this.output.launcher("class data archives not finished when the stack stopped; the next start makes the"
					+ " rest");
		}
	}

	/**
	 * Stops the training run in progress, if any, and waits until it is gone: before the services
	 * and the broker stop, since a run may use the broker. No run starts afterwards.
	 */
	void stop() {
		Thread training;
		synchronized (this) {
			this.stopped = true;
			training = this.runs;
		}
		if (training == null || !training.isAlive()) {
			return;
		}
		training.interrupt();
		try {
			training.join(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One service of each jar, the first that runs it: a training run for each jar. */
	private static List<ServiceDefinition> oneOfEachJar(List<ServiceDefinition> services) {
		return List.copyOf(services.stream()
			.collect(Collectors.toMap(ServiceDefinition::jar, (service) -> service, (first, other) -> first,
					LinkedHashMap::new))
			.values());
	}

}
