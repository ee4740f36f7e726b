package dev.kafkapatterns.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * A class data archive for the broker's JVM and its storage format, as {@link ClassDataArchives}
 * makes for the services. The broker runs from the launcher jar, so the archive is keyed by that
 * jar and the JVM, next to the services' in {@code local-stack/target/class-data}, and made once
 * by a throwaway broker that stops as soon as it answers ({@link BrokerTrainingRun}). A class path
 * with directories (the launcher's own tests) gets none: the JVM archives classes from jars only.
 */
final class BrokerClassData {

	private final Path java;

	private final String classPath;

	private final List<String> jvmOptions;

	private final Path archive;

	private BrokerClassData(Path java, String classPath, List<String> jvmOptions, Path archive) {
		this.java = java;
		this.classPath = classPath;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.archive = archive;
	}

	/** Deletes the archives of earlier launcher builds. */
	private void deleteOtherBuilds() throws IOException {
		Path build = this.archive.getParent();
		if (Files.isDirectory(build.getParent())) {
			try (Stream<Path> builds = Files.list(build.getParent())) {
				builds.filter((other) -> other.getFileName().toString().matches("kafka-[0-9a-f]{16}"))
					.filter((other) -> !other.equals(build))
					.forEach(StackDirectories::deleteRecursively);
			}
		}
	}

	/** The archive for this class path and these options, existing or not; none for a class path with directories. */
	static BrokerClassData of(Path java, String classPath, List<String> jvmOptions) {
		List<Path> entries = Stream.of(classPath.split(File.pathSeparator)).map(Path::of).toList();
		if (entries.isEmpty() || !entries.stream().allMatch(Files::isRegularFile)) {
			return new BrokerClassData(java, classPath, jvmOptions, null);
		}
		Path launcherJar = entries.get(0);
		try {
			Path directory = launcherJar.toAbsolutePath().getParent().resolve("class-data")
				.resolve("kafka-" + ClassDataArchives.hash(launcherJar));
			String jvm = ClassDataArchives.hash(String.join(" ", System.getProperty("java.home"),
					System.getProperty("java.vm.version"), String.join(" ", jvmOptions)).getBytes(StandardCharsets.UTF_8));
			return new BrokerClassData(java, classPath, jvmOptions, directory.resolve(jvm + ".jsa"));
		}
		catch (IOException ex) {
			return new BrokerClassData(java, classPath, jvmOptions, null);
		}
	}

	/** The broker's JVM options, with the archive once there is one. */
	List<String> jvmOptions() {
		if (this.archive == null || !Files.isRegularFile(this.archive)) {
			return this.jvmOptions;
		}
		return ClassDataArchives.withArchive(this.jvmOptions, "-XX:SharedArchiveFile=" + this.archive);
	}

	/** The directory of every archive ({@code local-stack/target/class-data}); empty for a class path with directories. */
	Optional<Path> cache() {
		return Optional.ofNullable(this.archive).map((file) -> file.getParent().getParent());
	}

	/** Whether the archive is still to be made; never for a class path with directories. */
	boolean missing() {
		return this.archive != null && !Files.isRegularFile(this.archive);
	}

	/**
	 * Makes the archive if it is missing: formats a throwaway broker's storage in a temporary
	 * directory and runs it on ports of its own, at the lowest CPU priority, until it answers. Used
	 * from the next start on.
	 * @throws InterruptedException if interrupted: the run is killed and leaves no archive
	 */
	void train(Ports ports, PidFile pidFile, PrefixedOutput output) throws InterruptedException {
		if (!missing()) {
			return;
		}
		ClassDataArchives.record("kafka", this.archive, (recording) -> {
			deleteOtherBuilds();
			Path directory = Files.createTempDirectory("local-stack-kafka-training-");
			pidFile.temporary(directory);
			try {
				KafkaBroker broker = new KafkaBroker(this.java, this.classPath, this.jvmOptions, ports.fresh(),
						ports.fresh(), directory.resolve("data"), directory.resolve("server.properties"));
				broker.prepare();
				List<String> command = new ArrayList<>(broker.javaCommand(BrokerTrainingRun.class.getName(),
						broker.propertiesFile().toString(), broker.bootstrapServers()));
				// Only this run records, not the storage format that prepare() ran with the same broker.
				List<String> recordingOptions = new ArrayList<>(ClassDataArchives.MAP_AT_ARCHIVED_ADDRESS);
				recordingOptions.add("-XX:ArchiveClassesAtExit=" + recording);
				command.addAll(1, recordingOptions);
				ShortLivedProcess.runInTheBackground(command, Map.of(), ClassDataArchives.TRAINING_TIMEOUT);
			}
			finally {
				StackDirectories.deleteRecursively(directory);
			}
		}, output);
	}

}
