package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How one service process is launched: which jar, which port, which environment. The
 * environment is the whole contract between the launcher and a service, the same variables
 * docker-compose would set. {@link ServiceDefinitions} makes them.
 *
 * @param name the process name, also its {@code APP_INSTANCE_ID}
 * @param jar the executable Spring Boot jar
 * @param httpPort its {@code SERVER_PORT}
 * @param environment the variables set for it
 */
record ServiceDefinition(String name, Path jar, int httpPort, Map<String, String> environment) {

	static final String PRODUCER = "producer-service";

	static final String DASHBOARD = "dashboard";

	static final String WORKER_PREFIX = "queue-worker-";

	static final String FANOUT_PREFIX = "fanout-";

	/** The fanout roles, one process each, in the order they start. */
	static final List<String> FANOUT_ROLES = List.of("audit", "notifications", "monitoring");

	ServiceDefinition {
		environment = Map.copyOf(environment);
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

}
