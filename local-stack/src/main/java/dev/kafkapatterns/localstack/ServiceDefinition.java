package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How one service process is launched: which jar, which port, which environment. The
 * environment is the whole contract between the launcher and a service, the same variables
 * docker-compose would set.
 *
 * @param name the process name, also its {@code APP_INSTANCE_ID}
 * @param jar the executable Spring Boot jar
 * @param httpPort its {@code SERVER_PORT}
 * @param environment the variables set for it
 */
record ServiceDefinition(String name, Path jar, int httpPort, Map<String, String> environment) {

	static final String PRODUCER = "producer-service";

	static final String WORKER_PREFIX = "queue-worker-";

	static final String FANOUT_PREFIX = "fanout-";

	/** The fanout roles, one process each, in the order they start. */
	static final List<String> FANOUT_ROLES = List.of("audit", "notifications", "monitoring");

	static ServiceDefinition producer(ProjectJars jars, int httpPort, String bootstrapServers) {
		return new ServiceDefinition(PRODUCER, jars.producer(), httpPort,
				commonEnvironment(PRODUCER, httpPort, bootstrapServers));
	}

	static ServiceDefinition fanout(ProjectJars jars, String role, int httpPort, String bootstrapServers,
			Path auditFile) {
		String name = FANOUT_PREFIX + role;
		Map<String, String> environment = commonEnvironment(name, httpPort, bootstrapServers);
		environment.put("FANOUT_ROLE", role);
		environment.put("FANOUT_AUDIT_FILE", auditFile.toAbsolutePath().toString());
		return new ServiceDefinition(name, jars.fanout(), httpPort, environment);
	}

	static ServiceDefinition worker(ProjectJars jars, int number, int httpPort, String bootstrapServers) {
		String name = workerName(number);
		return new ServiceDefinition(name, jars.workers(), httpPort,
				commonEnvironment(name, httpPort, bootstrapServers));
	}

	static String workerName(int number) {
		return WORKER_PREFIX + number;
	}

	/**
	 * The number of a queue worker's name.
	 * @param name a process name
	 * @return 2 for {@code queue-worker-2}, empty for any other name
	 */
	static OptionalInt workerNumber(String name) {
		if (!name.startsWith(WORKER_PREFIX)) {
			return OptionalInt.empty();
		}
		try {
			int number = Integer.parseInt(name.substring(WORKER_PREFIX.length()));
			return (number > 0) ? OptionalInt.of(number) : OptionalInt.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	private static Map<String, String> commonEnvironment(String name, int httpPort, String bootstrapServers) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("APP_INSTANCE_ID", name);
		environment.put("SERVER_PORT", String.valueOf(httpPort));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
		// Eight banners in a row say nothing the prefixed log lines do not.
		environment.put("SPRING_MAIN_BANNER_MODE", "off");
		// The demo's levers (failFor, workMs) are on in the local stack, as in docker-compose.yml.
		environment.put("APP_DEMO_ENABLED", "true");
		return environment;
	}

	List<String> command(Path java, List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(this.jar.toAbsolutePath().toString());
		return command;
	}

}
