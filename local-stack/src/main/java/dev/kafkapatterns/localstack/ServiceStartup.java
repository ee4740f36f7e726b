package dev.kafkapatterns.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the services of a stack in their order: producer-service first, then, as soon as it is
 * healthy, every other service at once. producer-service creates the topics as it starts (nothing
 * else may), and the others read them: started before them, each consumer would warn about every
 * missing topic until they exist, a dozen lines in the learner's terminal. Started together they
 * are ready at about the same time, since their start-up is bound by the same two cores.
 */
final class ServiceStartup {

	private final ChildLauncher launcher;

	private final HealthWait health;

	ServiceStartup(ChildLauncher launcher, HealthWait health) {
		this.launcher = launcher;
		this.health = health;
	}

	/**
	 * Starts the services and waits until each is healthy or the deadline passes.
	 * @param services the services, in any order
	 * @param deadline when to give up ({@link System#nanoTime()})
	 * @return why each service that is not healthy is not; empty when every one is
	 */
	List<String> start(List<ServiceDefinition> services, long deadline) throws InterruptedException {
		Map<Boolean, List<ServiceDefinition>> isProducer = services.stream()
			.collect(Collectors.partitioningBy((service) -> service.name().equals(ServiceDefinition.PRODUCER)));
		List<ServiceDefinition> waiting = new ArrayList<>(isProducer.get(false));
		List<ChildProcess> first = isProducer.get(true).stream().map(this.launcher::startService).toList();
		if (first.isEmpty()) {
			first = startAll(waiting);
		}
		Collection<ChildProcess> unhealthy = this.health.awaitHealthy(first, deadline,
				(healthy) -> healthy.name().equals(ServiceDefinition.PRODUCER) ? startAll(waiting) : List.of());
		List<String> why = new ArrayList<>(unhealthy.stream().map(HealthWait::whyUnhealthy).toList());
		waiting.forEach((service) -> why.add(service.name() + " (not started: it waits for a healthy "
				+ ServiceDefinition.PRODUCER + ")"));
		return why;
	}

	/** Starts the services and forgets them as waiting. */
	private List<ChildProcess> startAll(List<ServiceDefinition> waiting) {
		List<ChildProcess> started = waiting.stream().map(this.launcher::startService).toList();
		waiting.clear();
		return started;
	}

}
