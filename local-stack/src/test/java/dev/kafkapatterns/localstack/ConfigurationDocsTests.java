package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's configuration table and the settings the code declares agree: every {@code app.*},
 * {@code fanout.*}, {@code worker.*}, {@code dashboard.*} and {@code management.health.kafka.*}
 * property in the configuration metadata that {@code spring-boot-configuration-processor} writes
 * from the {@code @ConfigurationProperties} records is in the table with the same default and its
 * environment variable, and the table documents no property the code does not have.
 */
class ConfigurationDocsTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final List<String> OURS = List.of("app.", "fanout.", "worker.", "dashboard.",
			"management.health.kafka.");

	private static final Pattern ROW = Pattern
		.compile("^\\| `([a-z][a-z0-9.\\-]*)` \\| `([A-Z0-9_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

	@Test
	void everyDeclaredSettingIsDocumentedWithItsDefaultAndEnvironmentVariable() throws IOException {
		Map<String, String> declared = declared();
		Map<String, Row> documented = documented();
		assertThat(declared).as("metadata read").isNotEmpty();

		assertThat(documented.keySet()).as("README documents these settings").containsAll(declared.keySet());
		declared.forEach((property, defaultValue) -> {
			Row row = documented.get(property);
			assertThat(row.environment()).as(property + " environment variable").isEqualTo(environmentVariable(property));
			if (defaultValue != null) {
				assertThat(row.defaultValue()).as(property + " default").isEqualTo("`" + defaultValue + "`");
			}
		});
	}

	@Test
	void theTableDocumentsNoSettingTheCodeDoesNotHave() throws IOException {
		Map<String, String> declared = declared();
		assertThat(documented().keySet().stream().filter(ConfigurationDocsTests::isOurs))
			.as("documented settings the code does not declare")
			.allSatisfy((property) -> assertThat(declared).containsKey(property));
	}

	private static Map<String, String> declared() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, String> properties = new LinkedHashMap<>();
		try (Stream<Path> modules = Files.list(PROJECT)) {
			for (Path metadata : modules.map((module) -> module.resolve(
					"target/classes/META-INF/spring-configuration-metadata.json")).filter(Files::isRegularFile).toList()) {
				for (JsonNode property : json.readTree(metadata.toFile()).path("properties")) {
					String name = property.path("name").asString();
					if (isOurs(name)) {
						JsonNode defaultValue = property.get("defaultValue");
						properties.put(name, (defaultValue != null && !defaultValue.isNull()) ? defaultValue.asString() : null);
					}
				}
			}
		}
		return properties;
	}

	private static Map<String, Row> documented() throws IOException {
		Map<String, Row> rows = new LinkedHashMap<>();
		Matcher row = ROW.matcher(Files.readString(PROJECT.resolve("README.md")));
		while (row.find()) {
			rows.put(row.group(1), new Row(row.group(2), row.group(3).strip()));
		}
		return rows;
	}

	private static boolean isOurs(String property) {
		return OURS.stream().anyMatch(property::startsWith);
	}

	private static String environmentVariable(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	private record Row(String environment, String defaultValue) {
	}

}
