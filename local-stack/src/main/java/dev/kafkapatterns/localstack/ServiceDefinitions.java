package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Makes the definition of each service the stack runs: its jar, a port of its own, and the
 * environment that points it at the broker and, unless verbose, cuts its log down to what a
 * learner reads ({@link LearnerLogging}).
 */
final class ServiceDefinitions {

	/** The address every service listens on. */
	static final String LOOPBACK = "127.0.0.1";

	private static final String DEMO_LEVERS = "APP_DEMO_ENABLED";

	private final ProjectJars jars;

	private final String bootstrapServers;

	private final Path auditFile;

	private final Ports ports;

	private final WorkerMode workerMode;

	private final boolean verbose;

	/**
	 * @param jars where the service jars are
	 * @param bootstrapServers the broker's address
	 * @param auditFile the file fanout-audit appends to
	 * @param ports where the fanout services' and workers' ports come from
	 * @param workerMode how the workers share the events
	 * @param verbose whether the services log all Spring Boot logs by default
	 */
	ServiceDefinitions(ProjectJars jars, String bootstrapServers, Path auditFile, Ports ports, WorkerMode workerMode,
			boolean verbose) {
		this.jars = jars;
		this.bootstrapServers = bootstrapServers;
		this.auditFile = auditFile;
		this.ports = ports;
		this.workerMode = workerMode;
		this.verbose = verbose;
	}

	/**
	 * producer-service, the dashboard, the fanout roles in their order and the workers by number.
	 * @param dashboardPort the dashboard's port, empty for no dashboard
	 */
	List<ServiceDefinition> initial(int httpPort, OptionalInt dashboardPort, int workers) {
		List<ServiceDefinition> initial = new ArrayList<>();
		initial.add(producer(httpPort));
		dashboardPort.ifPresent((port) -> initial.add(dashboard(port, httpPort)));
		ServiceDefinition.FANOUT_ROLES.forEach((role) -> initial.add(fanout(role)));
		for (int number = 1; number <= workers; number++) {
			initial.add(worker(number));
		}
		return initial;
	}

	ServiceDefinition producer(int httpPort) {
		String name = ServiceDefinition.PRODUCER;
		return new ServiceDefinition(name, this.jars.producer(), httpPort, environment(name, httpPort));
	}

	/**
	 * The dashboard, which publishes through producer-service's REST API, as {@code curl} does.
	 * It has no demo levers to switch on.
	 */
	ServiceDefinition dashboard(int port, int producerPort) {
		String name = ServiceDefinition.DASHBOARD;
		Map<String, String> environment = environment(name, port);
		environment.remove(DEMO_LEVERS);
		environment.put("DASHBOARD_PRODUCER_URL", "http://" + LOOPBACK + ":" + producerPort);
		return new ServiceDefinition(name, this.jars.dashboard(), port, environment);
	}

	ServiceDefinition fanout(String role) {
		String name = ServiceDefinition.FANOUT_PREFIX + role;
		int port = this.ports.fresh();
		Map<String, String> environment = environment(name, port);
		environment.put("FANOUT_ROLE", role);
		environment.put("FANOUT_AUDIT_FILE", this.auditFile.toAbsolutePath().toString());
		return new ServiceDefinition(name, this.jars.fanout(), port, environment);
	}

	ServiceDefinition worker(int number) {
		String name = ServiceDefinition.workerName(number);
		int port = this.ports.fresh();
		Map<String, String> environment = environment(name, port);
		environment.put("WORKER_MODE", this.workerMode.toString());
		return new ServiceDefinition(name, this.jars.workers(), port, environment);
	}

	private Map<String, String> environment(String name, int httpPort) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("APP_INSTANCE_ID", name);
		environment.put("SERVER_PORT", String.valueOf(httpPort));
		// Only this machine can reach a local stack, as only it can reach the broker.
		environment.put("SERVER_ADDRESS", LOOPBACK);
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.bootstrapServers);
		// Eight banners in a row say nothing the prefixed log lines do not.
		environment.put("SPRING_MAIN_BANNER_MODE", "off");
		// A local stack is a demo: payloads may ask for failures and work (failFor, workMs).
		environment.put(DEMO_LEVERS, "true");
		if (!this.verbose) {
			environment.putAll(LearnerLogging.ENVIRONMENT);
		}
		return environment;
	}

}
