package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} as the compose tests read it: its text, its services (YAML anchors and
 * merge keys resolved, as compose resolves them) and what compose makes of a value.
 *
 * @param text the file as written
 * @param services every service by name
 */
record ComposeFile(String text, Map<String, Map<String, Object>> services) {

	static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	/** {@code ${NAME:-default}}: a value compose takes from its environment, with a default. */
	private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z_]+):-([^}]*)}");

	@SuppressWarnings("unchecked")
	static ComposeFile read() throws IOException {
		String text = Files.readString(PROJECT.resolve("docker-compose.yml"));
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(100);
		Map<String, Object> compose = new Yaml(options).load(text);
		assertThat(compose).as("the Compose Specification has no version key").doesNotContainKey("version");
		return new ComposeFile(text, (Map<String, Map<String, Object>>) compose.get("services"));
	}

	Map<String, Object> service(String name) {
		return this.services.get(name);
	}

	/** Every service but the broker: the Spring Boot services built from this repository. */
	Map<String, Map<String, Object>> springServices() {
		Map<String, Map<String, Object>> spring = new LinkedHashMap<>(this.services);
		spring.remove("kafka");
		return spring;
	}

	static String module(Map<String, Object> service) {
		return String.valueOf(buildArgs(service).get("MODULE"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> buildArgs(Map<String, Object> service) {
		Map<String, Object> build = (Map<String, Object>) service.get("build");
		assertThat(build).as("built from this repository").isNotNull();
		return (Map<String, Object>) build.get("args");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.getOrDefault("environment", Map.of());
	}

	@SuppressWarnings("unchecked")
	static List<String> list(Object node, String key) {
		return ((List<Object>) ((Map<String, Object>) node).get(key)).stream().map(String::valueOf).toList();
	}

	/** What compose makes of a value when none of the variables in it is set. */
	static String withDefaults(String value) {
		Matcher matcher = VARIABLE_WITH_DEFAULT.matcher(value);
		return matcher.replaceAll((match) -> Matcher.quoteReplacement(match.group(2)));
	}

}
