package dev.kafkapatterns.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Starts or stops queue workers until the wanted number runs: new workers take the lowest free
 * numbers, the highest-numbered workers stop first. One scaling at a time: two at once would pick
 * the same numbers.
 */
final class WorkerScaler {

	private final ProcessTable processes;

	private final ChildLauncher launcher;

	private final ServiceDefinitions definitions;

	private final HealthWait health;

	private final Duration readyTimeout;

	private final Duration stopTimeout;

	private final PrefixedOutput output;

	WorkerScaler(ProcessTable processes, ChildLauncher launcher, ServiceDefinitions definitions, HealthWait health,
			Duration readyTimeout, Duration stopTimeout, PrefixedOutput output) {
		this.processes = processes;
		this.launcher = launcher;
		this.definitions = definitions;
		this.health = health;
		this.readyTimeout = readyTimeout;
		this.stopTimeout = stopTimeout;
		this.output = output;
	}

	/**
	 * Returns once the new workers are healthy (or the ready timeout passed) and the removed ones
	 * have stopped.
	 */
	synchronized void scaleTo(int workers) throws InterruptedException {
		List<ChildProcess> running = this.processes.runningWorkers();
		Set<Integer> taken = running.stream()
			.map((worker) -> ServiceDefinition.workerNumber(worker.name()).getAsInt())
			.collect(Collectors.toSet());
		List<ServiceDefinition> added = new ArrayList<>();
		for (int number = 1; added.size() < workers - running.size(); number++) {
			if (!taken.contains(number)) {
				added.add(this.definitions.worker(number));
			}
		}
		List<ChildProcess> removed = new ArrayList<>(running.subList(Math.min(workers, running.size()), running.size()));
		Collections.reverse(removed);
		if (added.isEmpty() && removed.isEmpty()) {
			this.output.launcher(running.size() + " queue workers running already");
			return;
		}
		this.output.launcher("scaling queue workers from " + running.size() + " to " + workers);
		List<ChildProcess> started = added.stream().map(this.launcher::startService).toList();
		for (ChildProcess.Stopped stopped : ProcessTable.stop(removed, this.stopTimeout)) {
			this.output.launcher(stopped.describe());
		}
		removed.forEach(this.processes::remove);
		Collection<ChildProcess> unhealthy = this.health.awaitHealthy(started,
				System.nanoTime() + this.readyTimeout.toNanos());
		this.health.report(unhealthy);
		this.output.launcher(this.processes.runningWorkers().size() + " queue workers running");
	}

}
