package dev.kafkapatterns.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * The training runs of a start, for the class data archives that are still missing: the broker's,
 * the consumers' and the dashboard's while the broker starts (they need no broker),
 * producer-service's once it answers (it creates the topics as its context refreshes). Their time is kept apart: it does not
 * count against the ready timeout.
 */
final class ClassDataTraining {

	private final ClassDataArchives services;

	private final BrokerClassData broker;

	private final Ports ports;

	private final PidFile pidFile;

	private final PrefixedOutput output;

	private Duration spent = Duration.ZERO;

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
	 * Trains the broker and the services that do not need it, all at once: every service but
	 * producer-service, whose training run creates the topics.
	 */
	void whileTheBrokerStarts(List<ServiceDefinition> services) {
		CompletableFuture<Duration> broker = CompletableFuture
			.supplyAsync(() -> this.broker.train(this.ports, this.pidFile, this.output));
		Duration servicesSpent = train(services.stream().filter((service) -> !needsBroker(service)).toList());
		Duration brokerSpent = broker.join();
		this.spent = this.spent.plus((brokerSpent.compareTo(servicesSpent) > 0) ? brokerSpent : servicesSpent);
	}

	/** Trains the services that need the broker: producer-service. */
	void onceTheBrokerAnswers(List<ServiceDefinition> services) {
		this.spent = this.spent.plus(train(services.stream().filter(ClassDataTraining::needsBroker).toList()));
	}

	private static boolean needsBroker(ServiceDefinition service) {
		return service.name().equals(ServiceDefinition.PRODUCER);
	}

	/** The time the training runs took so far. */
	Duration spent() {
		return this.spent;
	}

	/** One training run for each jar, with the environment of the first service that runs it. */
	private Duration train(List<ServiceDefinition> services) {
		if (this.services == null || services.isEmpty()) {
			return Duration.ZERO;
		}
		return this.services.train(services.stream()
			.collect(Collectors.toMap(ServiceDefinition::jar, (service) -> service, (first, other) -> first,
					LinkedHashMap::new))
			.values());
	}

}
