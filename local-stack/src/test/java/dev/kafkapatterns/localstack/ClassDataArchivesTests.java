package dev.kafkapatterns.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class ClassDataArchivesTests {

	private static final Path JAVA = Path.of("/jdk/bin/java");

	@TempDir
	Path cache;

	@TempDir
	Path project;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrefixedOutput output = new PrefixedOutput(new PrintStream(this.printed, true, StandardCharsets.UTF_8),
			false);

	@Test
	void aJarThatCannotBeExtractedRunsAsBuilt() {
		Path jar = this.project.resolve("queue-workers/target/queue-workers.jar");

		List<String> command = archives().command(jar);

		assertThat(command).containsExactly("/jdk/bin/java", "-XX:+UseSerialGC", "-jar", jar.toString());
		assertThat(this.printed.toString(StandardCharsets.UTF_8)).contains("cannot extract " + jar);
	}

	@Test
	void aServiceRunsFromItsExtractedJarWithTheArchiveOfThisJvmOnceThereIsOne() throws IOException {
		Path jar = ProjectJars.locate().workers();
		assumeThat(jar).as("the queue-workers jar, built before local-stack").isRegularFile();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ClassDataArchives archives = new ClassDataArchives(this.cache, java, List.of("-XX:+UseSerialGC"), this.output);

		List<String> extracted = archives.command(jar);

		assertThat(extracted).hasSize(4).startsWith(java.toString(), "-XX:+UseSerialGC", "-jar");
		Path app = Path.of(extracted.get(3));
		assertThat(app).isRegularFile().hasFileName("queue-workers.jar").startsWith(this.cache);
		assertThat(app.resolveSibling("lib")).isDirectory();
		assertThat(app.getParent().getParent().getFileName().toString()).matches("queue-workers-[0-9a-f]{16}");

		// What a training run leaves.
		Path archive = Files.writeString(archives.archive(app), "an archive");
		assertThat(archives.command(jar)).containsExactly(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
				"-XX:ArchiveRelocationMode=0", "-XX:+UseSerialGC",
				(Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive, "-jar",
				app.toString());
		assertThat(new ClassDataArchives(this.cache, java, List.of("-XX:+UseG1GC"), this.output).command(jar))
			.as("another JVM configuration has an archive of its own").hasSize(4);
	}

	@Test
	void theArchiveOptionsMapArchivesWhereTheyWereMadeOnThisJvm() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(ClassDataArchives.MAP_AT_ARCHIVED_ADDRESS);
		command.addAll(List.of("-XX:+UseSerialGC", "-Xshare:on", "-Xlog:cds=info", "-version"));

		// The JDK's own archive, which every JVM here maps first, stands in for the services'.
		String log = ShortLivedProcess.run(command, Map.of(), Duration.ofSeconds(30));

		assertThat(log).contains("Mapped static  region #0 at base ")
			.doesNotContain("always map archive(s) at an alternative address");
	}

	private ClassDataArchives archives() {
		return new ClassDataArchives(this.cache, JAVA, List.of("-XX:+UseSerialGC"), this.output);
	}

}
