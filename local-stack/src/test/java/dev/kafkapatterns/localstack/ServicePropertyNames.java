package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every property a module knows, in the form environment variables bind to (upper case, no
 * separators): the keys of its application.yml, the properties its {@code @ConfigurationProperties}
 * records declare (its configuration metadata), and those of Spring Boot and service-support
 * (their metadata on this test's class path). A map property ({@code logging.level}) takes any key
 * below it, as Spring's relaxed binding does: {@code LOGGING_LEVEL_DEV_KAFKAPATTERNS}.
 */
final class ServicePropertyNames {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final Set<String> names = new HashSet<>();

	private final Set<String> maps = new HashSet<>();

	private ServicePropertyNames() {
	}

	static ServicePropertyNames of(Path project, String module) throws IOException {
		ServicePropertyNames known = new ServicePropertyNames();
		try (Reader reader = Files.newBufferedReader(project.resolve(module).resolve("src/main/resources/application.yml"))) {
			known.addKeys("", new Yaml().load(reader));
		}
		JsonMapper json = JsonMapper.builder().build();
		Path moduleMetadata = project.resolve(module).resolve("target/classes/" + METADATA);
		if (Files.isRegularFile(moduleMetadata)) {
			known.addMetadata(json.readTree(moduleMetadata.toFile()));
		}
		for (URL metadata : Collections.list(ServicePropertyNames.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = metadata.openStream()) {
				known.addMetadata(json.readTree(in));
			}
		}
		return known;
	}

	/** Whether Spring binds the environment variable to one of these properties. */
	boolean binds(String variable) {
		String name = relaxed(variable);
		return this.names.contains(name)
				|| this.maps.stream().anyMatch((map) -> name.startsWith(map) && name.length() > map.length());
	}

	private void addMetadata(JsonNode metadata) {
		metadata.path("properties").forEach((property) -> {
			String name = relaxed(property.path("name").asString());
			this.names.add(name);
			if (property.path("type").asString("").startsWith("java.util.Map<")) {
				this.maps.add(name);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private void addKeys(String prefix, Map<String, Object> node) {
		node.forEach((key, value) -> {
			String name = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> child) {
				addKeys(name, (Map<String, Object>) child);
			}
			else {
				this.names.add(relaxed(name));
			}
		});
	}

	private static String relaxed(String name) {
		return name.replace(".", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
