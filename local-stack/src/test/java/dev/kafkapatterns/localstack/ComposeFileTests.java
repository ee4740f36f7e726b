package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code docker-compose.yml} agrees with the services it starts: every environment
 * variable binds to a property the service knows, health checks probe the port the service listens
 * on, ports are published on loopback only, each image is built from a module whose jar the
 * Dockerfile copies, and the queue workers can be scaled. These are quick and run everywhere;
 * {@code .ci/compose-test} runs the file itself on a container engine.
 */
class ComposeFileTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	/** Set by code rather than in application.yml (the instance id) or read by the JVM itself. */
	private static final Set<String> BOUND_ELSEWHERE = Set.of("APP_INSTANCE_ID", "JAVA_TOOL_OPTIONS");

	/** {@code ${NAME:-default}}: a value compose takes from its environment, with a default. */
	private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z_]+):-([^}]*)}");

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		Map<String, Object> compose = load(PROJECT.resolve("docker-compose.yml"));
		assertThat(compose).as("the Compose Specification has no version key").doesNotContainKey("version");
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void everyPartOfTheSystemIsAService() {
		assertThat(services).containsOnlyKeys("kafka", "producer-service", "fanout-audit", "fanout-notifications",
				"fanout-monitoring", "queue-worker");
	}

	@Test
	void theBrokerIsASingleKraftNodeWithAHostListenerForKcat() {
		Map<String, Object> kafka = services.get("kafka");
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
		services.forEach((name, service) -> {
			if (name.equals("kafka")) {
				return;
			}
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
		for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
			if (entry.getKey().equals("kafka")) {
				continue;
			}
			String module = module(entry.getValue());
			Set<String> known = relaxedNames(module);
			for (String variable : environment(entry.getValue()).keySet()) {
				if (!BOUND_ELSEWHERE.contains(variable)) {
					assertThat(known).as(entry.getKey() + ": " + variable + " is not a property of " + module)
						.contains(variable.replace("_", "").toLowerCase(Locale.ROOT));
				}
			}
		}
	}

	@Test
	void eachFanoutServiceRunsTheRoleItIsNamedFor() {
		for (String role : List.of("audit", "notifications", "monitoring")) {
			Map<String, Object> service = services.get("fanout-" + role);
			assertThat(module(service)).isEqualTo("fanout-consumers");
			assertThat(environment(service)).containsEntry("FANOUT_ROLE", role);
		}
	}

	@Test
	void healthChecksProbeThePortTheServiceListensOn() {
		services.forEach((name, service) -> {
			if (name.equals("kafka")) {
				return;
			}
			String port = String.valueOf(environment(service).get("SERVER_PORT"));
			assertThat(String.join(" ", list(service.get("healthcheck"), "test")))
				.as(name)
				.contains("http://localhost:" + port + "/actuator/health");
		});
		assertThat(list(services.get("producer-service"), "ports")).singleElement()
			.satisfies((port) -> assertThat(withDefaults(port))
				.isEqualTo("127.0.0.1:8080:" + environment(services.get("producer-service")).get("SERVER_PORT")));
	}

	@Test
	void portsArePublishedOnLoopbackOnly() {
		services.forEach((name, service) -> {
			if (service.containsKey("ports")) {
				assertThat(list(service, "ports")).as(name).allSatisfy((port) -> assertThat(port).startsWith("127.0.0.1:"));
			}
		});
	}

	@Test
	void theDemoLeversAreOnInEveryService() {
		services.forEach((name, service) -> {
			if (!name.equals("kafka")) {
				assertThat(environment(service)).as(name).containsEntry("APP_DEMO_ENABLED", "true");
			}
		});
	}

	@Test
	void theWorkersCanBeScaled() {
		Map<String, Object> worker = services.get("queue-worker");

		assertThat(worker).doesNotContainKeys("container_name", "ports");
		assertThat(module(worker)).isEqualTo("queue-workers");
	}

	@Test
	void eachImageIsBuiltFromAModuleWhoseJarTheDockerfileCopies() throws IOException {
		String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
		assertThat(dockerfile).contains("COPY --from=build /src/${MODULE}/target/${MODULE}.jar");
		for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
			if (entry.getKey().equals("kafka")) {
				continue;
			}
			String module = module(entry.getValue());
			String pom = Files.readString(PROJECT.resolve(module).resolve("pom.xml"));
			assertThat(pom).as(module).contains("<finalName>${project.artifactId}</finalName>")
				.contains("<artifactId>" + module + "</artifactId>");
		}
	}

	private static String module(Map<String, Object> service) {
		@SuppressWarnings("unchecked")
		Map<String, Object> build = (Map<String, Object>) service.get("build");
		assertThat(build).as("built from this repository").isNotNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> args = (Map<String, Object>) build.get("args");
		return String.valueOf(args.get("MODULE"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.getOrDefault("environment", Map.of());
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object node, String key) {
		return ((List<Object>) ((Map<String, Object>) node).get(key)).stream().map(String::valueOf).toList();
	}

	/**
	 * Every property a module knows, in the form environment variables bind to: the keys of its
	 * application.yml, the properties its {@code @ConfigurationProperties} records declare (its
	 * configuration metadata), and those of Spring Boot and service-support (their metadata on this
	 * test's class path).
	 */
	private static Set<String> relaxedNames(String module) throws IOException {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", load(PROJECT.resolve(module).resolve("src/main/resources/application.yml")), flat);
		Set<String> names = new HashSet<>(flat.keySet());
		JsonMapper json = JsonMapper.builder().build();
		Path moduleMetadata = PROJECT.resolve(module).resolve("target/classes/" + METADATA);
		if (Files.isRegularFile(moduleMetadata)) {
			json.readTree(moduleMetadata.toFile()).path("properties").forEach((property) -> names.add(property.path("name").asString()));
		}
		for (URL metadata : Collections.list(ComposeFileTests.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = metadata.openStream()) {
				json.readTree(in).path("properties").forEach((property) -> names.add(property.path("name").asString()));
			}
		}
		return names.stream()
			.map((key) -> key.replace(".", "").replace("-", "").toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/** What compose makes of a value when none of the variables in it is set. */
	private static String withDefaults(String value) {
		Matcher matcher = VARIABLE_WITH_DEFAULT.matcher(value);
		return matcher.replaceAll((match) -> Matcher.quoteReplacement(match.group(2)));
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> flat) {
		node.forEach((key, value) -> {
			String name = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> child) {
				flatten(name, (Map<String, Object>) child, flat);
			}
			else {
				flat.put(name, value);
			}
		});
	}

	private static Map<String, Object> load(Path file) throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(100);
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml(options).load(reader);
		}
	}

}
