package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the stack keeps its files: the run directory ({@code server.properties}, the audit trail)
 * and the broker's data directory. Each is the one given, kept, or a fresh temporary one that
 * {@link #deleteTemporary()} removes.
 */
final class StackDirectories {

	private final Path run;

	private final Path data;

	private final List<Path> temporary = new ArrayList<>();

	StackDirectories(Path run, Path data) throws IOException {
		this.run = (run != null) ? Files.createDirectories(run) : temporary("local-stack-run-");
		this.data = (data != null) ? data.toAbsolutePath() : temporary("local-stack-kafka-");
	}

	Path run() {
		return this.run;
	}

	Path data() {
		return this.data;
	}

	Path serverProperties() {
		return this.run.resolve("server.properties");
	}

	Path auditFile() {
		return this.run.resolve("audit").resolve("audit-trail.jsonl");
	}

	/** The directories this stack created and deletes when it stops. */
	List<Path> temporary() {
		return List.copyOf(this.temporary);
	}

	void deleteTemporary() {
		this.temporary.forEach(StackDirectories::deleteRecursively);
	}

	private Path temporary(String prefix) throws IOException {
		Path directory = Files.createTempDirectory(prefix);
		this.temporary.add(directory);
		return directory;
	}

	static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A temporary directory left behind is not worth failing the stop for.
		}
	}

}
