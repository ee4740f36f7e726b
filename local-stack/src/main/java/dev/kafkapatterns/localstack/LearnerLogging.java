package dev.kafkapatterns.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services' logging for a learner: the lines that show the patterns ({@code processed …},
 * {@code partitions assigned/revoked}, {@code dead-lettered}, the monitoring summaries,
 * {@code Started …Application}), warnings and errors, each with a short logger name; not the
 * Tomcat and Spring start-up lines that would bury them. Spring Boot's own logging properties do
 * it, as environment variables, so the same three lines work in {@code docker-compose.yml} and
 * for a jar started by hand. {@code local-stack --verbose} sets none of them, and Spring Boot's
 * defaults come back.
 */
public final class LearnerLogging {

	/**
	 * {@code LOGGING_LEVEL_ROOT=warn}, {@code LOGGING_LEVEL_DEV_KAFKAPATTERNS=info} and
	 * {@code LOGGING_PATTERN_CONSOLE=%d{HH:mm:ss.SSS} %-5level %logger{0} : %msg%n}, in this order.
	 * The pattern has no process id, thread or application name: local-stack and compose put the
	 * service's name in front of each line already.
	 */
	public static final Map<String, String> ENVIRONMENT = environment();

	private LearnerLogging() {
	}

	private static Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("LOGGING_LEVEL_ROOT", "warn");
		// Every line the services themselves log: the pattern lines are among them.
		environment.put("LOGGING_LEVEL_DEV_KAFKAPATTERNS", "info");
		environment.put("LOGGING_PATTERN_CONSOLE", "%d{HH:mm:ss.SSS} %-5level %logger{0} : %msg%n");
		return Collections.unmodifiableMap(environment);
	}

}
