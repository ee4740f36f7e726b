package dev.kafkapatterns.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the service jars are: each module's {@code target} directory under the project root.
 * The root is found from where this launcher's own code lives
 * ({@code local-stack/target/local-stack.jar} or, in tests, {@code local-stack/target/classes}).
 *
 * @param projectDirectory the root of the Maven project
 */
record ProjectJars(Path projectDirectory) {

	Path producer() {
		return jar("producer-service");
	}

	Path fanout() {
		return jar("fanout-consumers");
	}

	Path workers() {
		return jar("queue-workers");
	}

	Path dashboard() {
		return jar("dashboard");
	}

	private Path jar(String module) {
		return this.projectDirectory.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/**
	 * Checks that every service jar is there.
	 * @param dashboard whether the dashboard's jar is needed too
	 * @throws LocalStackException naming the missing jars and saying how to build them
	 */
	void requirePresent(boolean dashboard) {
		List<Path> jars = new ArrayList<>(List.of(producer(), fanout(), workers()));
		if (dashboard) {
			jars.add(dashboard());
		}
		List<Path> missing = jars.stream().filter((jar) -> !Files.isRegularFile(jar)).toList();
		if (!missing.isEmpty()) {
			throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
					"Missing " + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
							+ ": run ./mvnw -DskipTests package first (or point --project-dir at the project)");
		}
	}

	/**
	 * The project root: the nearest directory above this launcher's code that holds the
	 * producer-service module, or else the directory two levels above the launcher jar's own.
	 */
	static ProjectJars locate() {
		Path code = codeLocation();
		for (Path directory = code.getParent(); directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("producer-service"))) {
				return new ProjectJars(directory);
			}
		}
		Path target = code.getParent();
		Path module = (target != null) ? target.getParent() : null;
		Path root = (module != null && module.getParent() != null) ? module.getParent() : Path.of("");
		return new ProjectJars(root);
	}

	private static Path codeLocation() {
		try {
			return Path.of(ProjectJars.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return Path.of("").toAbsolutePath();
		}
	}

}
