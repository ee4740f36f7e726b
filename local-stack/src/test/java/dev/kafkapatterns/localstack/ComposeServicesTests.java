package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.kafkapatterns.localstack.ComposeFile.environment;
import static dev.kafkapatterns.localstack.ComposeFile.list;
import static dev.kafkapatterns.localstack.ComposeFile.module;
import static dev.kafkapatterns.localstack.ComposeFile.withDefaults;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of {@code docker-compose.yml} gets: every part of the system, the dashboard on port
 * 8090, workers to scale in both worker modes, and logs a learner can read. {@link ComposeFileTests}
 * checks the wiring; {@code .ci/compose-test} runs the file on a container engine.
 */
class ComposeServicesTests {

	/** The log settings of every Spring service, as the services get them by default. */
	private static final Map<String, String> LEARNER_LOGGING = Map.of("LOGGING_LEVEL_ROOT", "warn",
			"LOGGING_LEVEL_DEV_KAFKAPATTERNS", "info", "LOGGING_PATTERN_CONSOLE",
			"%d{HH:mm:ss.SSS} %-5level %logger{0} : %msg%n");

	private static ComposeFile compose;

	@BeforeAll
	static void readComposeFile() throws IOException {
		compose = ComposeFile.read();
	}

	@Test
	void everyPartOfTheSystemIsAService() {
		assertThat(compose.services()).containsOnlyKeys("kafka", "producer-service", "fanout-audit",
				"fanout-notifications", "fanout-monitoring", "queue-worker", "queue-worker-share", "dashboard");
	}

	@Test
	void theDashboardIsOnPort8090AndPublishesThroughTheProducerService() {
		Map<String, Object> dashboard = compose.service("dashboard");
		Map<String, Object> environment = environment(dashboard);

		assertThat(module(dashboard)).isEqualTo("dashboard");
		assertThat(list(dashboard, "ports")).singleElement()
			.satisfies((port) -> assertThat(withDefaults(port)).isEqualTo("127.0.0.1:8090:" + environment.get("SERVER_PORT")))
			.asString()
			.contains("${DASHBOARD_PORT:-8090}");
		assertThat(environment).containsEntry("SERVER_PORT", "8090")
			.containsEntry("DASHBOARD_PRODUCER_URL",
					"http://producer-service:" + environment(compose.service("producer-service")).get("SERVER_PORT"))
			.as("it has no demo levers: the producer-service and the consumers have")
			.doesNotContainKey("APP_DEMO_ENABLED");
	}

	@Test
	void theWorkersCanBeScaled() {
		Map<String, Object> worker = compose.service("queue-worker");

		assertThat(worker).doesNotContainKeys("container_name", "ports", "profiles");
		assertThat(module(worker)).isEqualTo("queue-workers");
		assertThat(environment(worker)).doesNotContainKey("WORKER_MODE");
	}

	@Test
	void theShareWorkersRunInTheProfileShareAndCanBeScaled() {
		Map<String, Object> worker = compose.service("queue-worker-share");

		assertThat(worker).doesNotContainKeys("container_name", "ports");
		assertThat(list(worker, "profiles")).containsExactly("share");
		assertThat(module(worker)).isEqualTo("queue-workers");
		assertThat(worker.get("image")).as("the same image as queue-worker")
			.isEqualTo(compose.service("queue-worker").get("image"));
		assertThat(environment(worker)).containsEntry("WORKER_MODE", "share");
	}

	@Test
	void everySpringServiceShowsWhatALearnerReadsUnlessToldOtherwise() {
		compose.springServices().forEach((name, service) -> {
			Map<String, Object> environment = environment(service);
			LEARNER_LOGGING.forEach((variable, value) -> assertThat(withDefaults(String.valueOf(environment.get(variable))))
				.as(name + ": " + variable)
				.isEqualTo(value));
			for (String level : List.of("LOGGING_LEVEL_ROOT", "LOGGING_LEVEL_DEV_KAFKAPATTERNS")) {
				assertThat(String.valueOf(environment.get(level))).as(name + ": " + level + " can be set for compose")
					.startsWith("${" + level + ":-");
			}
		});
	}

	@Test
	void noDefaultHoldsACurlyBraceWhichDockerCompose129WouldCutItAt() {
		// docker-compose 1.29 ends ${NAME:-default} at the first "}": "${P:-%d{HH:mm}}" gives the
		// service "%d{HH:mm", with the "}" left over after it even when P is set.
		Pattern braceInDefault = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?[-?][^}]*\\{");
		assertThat(braceInDefault.matcher(compose.text()).results().map(MatchResult::group)).isEmpty();
	}

}
