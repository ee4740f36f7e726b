package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.kafkapatterns.localstack.ComposeFile.buildArgs;
import static dev.kafkapatterns.localstack.ComposeFile.environment;
import static dev.kafkapatterns.localstack.ComposeFile.list;
import static dev.kafkapatterns.localstack.ComposeFile.module;
import static dev.kafkapatterns.localstack.ComposeFile.withDefaults;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code docker-compose.yml} agrees with the services it starts: every environment
 * variable binds to a property the service knows, health checks probe the port the service listens
 * on, ports are published on loopback only, each image is built from a module whose jar the
 * Dockerfile builds and copies. These are quick and run everywhere; {@link ComposeServicesTests}
 * checks what a user gets, and {@code .ci/compose-test} runs the file itself on a container engine.
 */
class ComposeFileTests {

	/**
	 * Set by code rather than in application.yml (the instance id), read by the JVM itself, or by the
	 * image's entry point (the JVM's options).
	 */
	private static final Set<String> BOUND_ELSEWHERE = Set.of("APP_INSTANCE_ID", "JAVA_TOOL_OPTIONS", "JAVA_OPTS");

	private static ComposeFile compose;

	@BeforeAll
	static void readComposeFile() throws IOException {
		compose = ComposeFile.read();
	}

	@Test
	void theBrokerIsASingleKraftNodeWithAHostListenerForKcat() {
		Map<String, Object> kafka = compose.service("kafka");
		Map<String, Object> environment = environment(kafka);

		assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.2.1");
		assertThat(kafka).containsKey("healthcheck");
		assertThat(list(kafka, "ports")).singleElement()
			.satisfies((port) -> assertThat(withDefaults(port)).isEqualTo("127.0.0.1:9094:9094"))
			.asString()
			.contains("${KAFKA_EXTERNAL_PORT:-9094}");
		assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
		String advertised = String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS"));
		assertThat(withDefaults(advertised)).contains("EXTERNAL://localhost:9094").contains("INTERNAL://kafka:9092");
		assertThat(advertised).as("kcat is sent to the port the host publishes")
			.contains("EXTERNAL://localhost:${KAFKA_EXTERNAL_PORT:-9094}");
		assertThat(String.valueOf(environment.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
		for (String replication : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
				"KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
				"KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
			assertThat(String.valueOf(environment.get(replication))).as(replication).isEqualTo("1");
		}
	}

	@Test
	void everyServiceWaitsForAHealthyBrokerAndReachesItOnTheInternalListener() {
		compose.springServices().forEach((name, service) -> {
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service.get("depends_on");
			assertThat(dependsOn).as(name).containsKey("kafka");
			dependsOn.forEach((dependency, condition) -> assertThat(condition).as(name + " -> " + dependency)
				.containsEntry("condition", "service_healthy"));
			assertThat(environment(service)).as(name).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		});
	}

	@Test
	void everyEnvironmentVariableBindsToAPropertyOfThatService() throws IOException {
		for (Map.Entry<String, Map<String, Object>> entry : compose.springServices().entrySet()) {
			String module = module(entry.getValue());
			ServicePropertyNames known = ServicePropertyNames.of(ComposeFile.PROJECT, module);
			for (String variable : environment(entry.getValue()).keySet()) {
				if (!BOUND_ELSEWHERE.contains(variable)) {
					assertThat(known.binds(variable)).as(entry.getKey() + ": " + variable + " is not a property of " + module)
						.isTrue();
				}
			}
		}
	}

	@Test
	void eachFanoutServiceRunsTheRoleItIsNamedFor() {
		for (String role : List.of("audit", "notifications", "monitoring")) {
			Map<String, Object> service = compose.service("fanout-" + role);
			assertThat(module(service)).isEqualTo("fanout-consumers");
			assertThat(environment(service)).containsEntry("FANOUT_ROLE", role);
		}
	}

	@Test
	void healthChecksProbeThePortTheServiceListensOn() {
		compose.springServices().forEach((name, service) -> {
			String port = String.valueOf(environment(service).get("SERVER_PORT"));
			assertThat(String.join(" ", list(service.get("healthcheck"), "test")))
				.as(name)
				.contains("http://localhost:" + port + "/actuator/health");
			assertThat(buildArgs(service).getOrDefault("PORT", "8080")).as(name + ": the port its image exposes")
				.isEqualTo(port);
		});
		assertThat(list(compose.service("producer-service"), "ports")).singleElement()
			.satisfies((port) -> assertThat(withDefaults(port))
				.isEqualTo("127.0.0.1:8080:" + environment(compose.service("producer-service")).get("SERVER_PORT")));
	}

	@Test
	void portsArePublishedOnLoopbackOnly() {
		compose.services().forEach((name, service) -> {
			if (service.containsKey("ports")) {
				assertThat(list(service, "ports")).as(name).allSatisfy((port) -> assertThat(port).startsWith("127.0.0.1:"));
			}
		});
	}

	@Test
	void theDemoLeversAreOnInEveryServiceThatPublishesOrProcessesEvents() {
		compose.springServices().forEach((name, service) -> {
			if (!name.equals("dashboard")) {
				assertThat(environment(service)).as(name).containsEntry("APP_DEMO_ENABLED", "true");
			}
		});
	}

	@Test
	void eachImageIsBuiltFromAModuleWhoseJarTheDockerfileBuildsAndCopies() throws IOException {
		String dockerfile = Files.readString(ComposeFile.PROJECT.resolve("Dockerfile"));
		assertThat(dockerfile).contains("COPY --from=build /src/${MODULE}/target/${MODULE}.jar");
		Matcher built = Pattern.compile("mvnw .*-pl ([a-z,-]+) ").matcher(dockerfile);
		assertThat(built.find()).as("the build stage names the modules it builds").isTrue();
		for (Map.Entry<String, Map<String, Object>> entry : compose.springServices().entrySet()) {
			String module = module(entry.getValue());
			assertThat(built.group(1).split(",")).as(entry.getKey() + ": the build stage builds " + module).contains(module);
			String pom = Files.readString(ComposeFile.PROJECT.resolve(module).resolve("pom.xml"));
			assertThat(pom).as(module).contains("<finalName>${project.artifactId}</finalName>")
				.contains("<artifactId>" + module + "</artifactId>");
		}
	}

}
