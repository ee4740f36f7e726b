package dev.kafkapatterns.bench.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project the bench jar belongs to: the nearest directory above {@code bench/target/bench.jar}
 * with a {@code pom.xml} and a {@code local-stack} module, or else the working directory. The
 * defaults of {@code --local-stack-jar} and {@code --output} are resolved against it, so the jar
 * runs from any directory.
 */
final class ProjectDirectory {

	private ProjectDirectory() {
	}

	static Path locate() {
		Path code = codeLocation();
		for (Path directory = code; directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("local-stack"))) {
				return directory;
			}
		}
		return Path.of("").toAbsolutePath();
	}

	/** {@code git describe --always --dirty} of the project, or "unknown" without git. */
	static String commit(Path project) {
		try {
			Process git = new ProcessBuilder(List.of("git", "-C", project.toString(), "describe", "--always", "--dirty"))
				.redirectErrorStream(true)
				.start();
			String out = new String(git.getInputStream().readAllBytes()).strip();
			return (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) ? out : "unknown";
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private static Path codeLocation() {
		try {
			return Path.of(ProjectDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return Path.of("").toAbsolutePath();
		}
	}

}
