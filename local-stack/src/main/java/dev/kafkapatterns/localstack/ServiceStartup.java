package dev.kafkapatterns.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the services of a stack in their order: every service at once, except the dashboard,
 * which starts as soon as producer-service is healthy. The dashboard reads the topics that
 * producer-service creates as it starts; started before them, its reader would warn about each
 * missing topic until they exist.
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
		Map<Boolean, List<ServiceDefinition>> afterProducer = services.stream()
			.collect(Collectors.partitioningBy((service) -> service.name().equals(ServiceDefinition.DASHBOARD)));
		List<ServiceDefinition> waiting = new ArrayList<>(afterProducer.get(true));
		List<ChildProcess> children = afterProducer.get(false).stream().map(this.launcher::startService).toList();
		Collection<ChildProcess> unhealthy = this.health.awaitHealthy(children, deadline, (healthy) -> {
			if (!healthy.name().equals(ServiceDefinition.PRODUCER)) {
				return List.of();
			}
			List<ChildProcess> started = waiting.stream().map(this.launcher::startService).toList();
			waiting.clear();
			return started;
		});
		List<String> why = new ArrayList<>(unhealthy.stream().map(HealthWait::whyUnhealthy).toList());
		waiting.forEach((service) -> why.add(service.name() + " (not started: it waits for a healthy "
				+ ServiceDefinition.PRODUCER + ")"));
		return why;
	}

}
