package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Class data sharing for the service JVMs: each service jar extracted ({@code java
 * -Djarmode=tools -jar x.jar extract}, as Spring Boot recommends, since the JVM cannot share
 * classes from nested jars) and an archive of the classes it loads, so that a service maps its
 * classes from the archive instead of loading, verifying and linking them again: about half the
 * start-up CPU of each service.
 *
 * <p>The archive is made by a training run of the jar that stops once its context has refreshed
 * ({@code -Dspring.context.exit=onRefresh}): a dynamic CDS archive ({@code -XX:ArchiveClassesAtExit})
 * on Java 17 to 24, an AOT cache ({@code -XX:AOTCacheOutput}) from Java 25 on.
 *
 * <p>Why here, lazily, and not at build time: an archive only fits the JVM that made it, and the
 * launcher knows which JVM its children run on (its own) while Maven may build with another; and
 * a training run needs a broker, which the launcher has running (producer-service creates its
 * topics while its context refreshes). So the first start after a build runs without archives and
 * then trains each jar once, in the background ({@link ClassDataTraining}), into {@code
 * local-stack/target/class-data}, keyed by the jar's hash and the JVM; every later start only checks
 * the hashes. Spring AOT ({@code process-aot}) is not used: it would fix the
 * fanout roles' bean conditions at build time.
 */
final class ClassDataArchives {

	/**
	 * Options that map an archive at the address it was made for. Current JDKs (17.0.15 and 25 here)
	 * map it at a random address by default ({@code ArchiveRelocationMode=1}, for address space
	 * layout randomization) and rewrite every pointer in it: each JVM then holds a private copy of
	 * every page. Mapped where it was made, its read-only part stays shared between the JVMs of one jar
	 * (the three fanout services, the workers): about 20 MiB less memory for each of those (PSS),
	 * and no rewriting at start. A JVM whose address is taken still relocates. The flag is
	 * diagnostic, hence the unlock; the training runs use it too, so a JVM that lacks it makes no
	 * archive and runs without either. What a local demo gives up is the random address of its
	 * class metadata. These options come before the user's, so {@code --jvm-opts
	 * -XX:ArchiveRelocationMode=1} takes it back.
	 */
	static final List<String> MAP_AT_ARCHIVED_ADDRESS = List.of("-XX:+UnlockDiagnosticVMOptions",
			"-XX:ArchiveRelocationMode=0");

	/**
	 * How long a training run may take, the broker's too. Generous: at the lowest CPU priority, a
	 * run gets a core only when the stack leaves one idle.
	 */
	static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

	private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * The options of a JVM that maps or makes an archive: {@link #MAP_AT_ARCHIVED_ADDRESS} before
	 * the given options, which can take it back, and the archive's own option after them.
	 */
	static List<String> withArchive(List<String> jvmOptions, String archiveOption) {
		List<String> options = new ArrayList<>(MAP_AT_ARCHIVED_ADDRESS);
		options.addAll(jvmOptions);
		options.add(archiveOption);
		return options;
	}

	private final Path cache;

	private final Path java;

	private final List<String> jvmOptions;

	private final PrefixedOutput output;

	private final boolean aotCache = Runtime.version().feature() >= 25;

	private final String jvm;

	private final Map<Path, CompletableFuture<Path>> extracted = new LinkedHashMap<>();

	ClassDataArchives(Path cache, Path java, List<String> jvmOptions, PrefixedOutput output) {
		this.cache = cache;
		this.java = java;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.output = output;
		this.jvm = hash(String.join(" ", System.getProperty("java.home"), System.getProperty("java.vm.version"),
				String.join(" ", jvmOptions)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Starts extracting the jars that are not extracted yet, each on its own thread.
	 */
	synchronized void extract(Collection<Path> jars) {
		for (Path jar : jars) {
			this.extracted.computeIfAbsent(jar, (key) -> CompletableFuture.supplyAsync(() -> extracted(jar)));
		}
	}

	/** Where the archives are: {@code local-stack/target/class-data}. */
	Path cache() {
		return this.cache;
	}

	/** Whether the archive of this service's jar is still to be made; never for a jar that cannot be extracted. */
	boolean missing(ServiceDefinition service) {
		Path app = extractedJar(service.jar());
		return app != null && !Files.exists(archive(app));
	}

	/**
	 * The command that runs a service jar: its extracted jar with its archive, as far as they
	 * exist, else the jar as it was built.
	 */
	List<String> command(Path jar) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		Path app = extractedJar(jar);
		Path archive = (app != null) ? archive(app) : null;
		command.addAll((archive != null && Files.exists(archive))
				? withArchive(this.jvmOptions, (this.aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive)
				: this.jvmOptions);
		command.add("-jar");
		command.add((app != null) ? app.toString() : jar.toAbsolutePath().toString());
		return command;
	}

	private Path extractedJar(Path jar) {
		CompletableFuture<Path> extraction;
		synchronized (this) {
			extraction = this.extracted.computeIfAbsent(jar,
					(key) -> CompletableFuture.completedFuture(extracted(jar)));
		}
		return extraction.join();
	}

	Path archive(Path app) {
		return app.getParent().resolveSibling(this.jvm + (this.aotCache ? ".aot" : ".jsa"));
	}

	/** The extracted jar, extracting it first if need be; {@code null} if that fails. */
	private Path extracted(Path jar) {
		String module = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		try {
			Path entry = this.cache.resolve(module + "-" + hash(jar));
			Path app = entry.resolve("app").resolve(jar.getFileName());
			if (Files.isRegularFile(app)) {
				return app;
			}
			deleteOtherBuilds(module, entry);
			Path extracting = Files.createDirectories(entry).resolve("app-" + ProcessHandle.current().pid());
			ShortLivedProcess.run(List.of(this.java.toString(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
					"extract", "--destination", extracting.toString()), Map.of(), EXTRACTION_TIMEOUT);
			try {
				Files.move(extracting, entry.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				// Another launcher extracted it at the same time.
				StackDirectories.deleteRecursively(extracting);
			}
			return app;
		}
		catch (IOException | InterruptedException ex) {
			this.output.launcher("cannot extract " + jar + ", running it as built: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Makes the archive of this service's jar, if it is missing, with a training run at the lowest
	 * CPU priority, in the environment of this service.
	 * @throws InterruptedException if interrupted: the run is killed and leaves no archive
	 */
	void train(ServiceDefinition service) throws InterruptedException {
		Path app = extractedJar(service.jar());
		if (app == null || Files.exists(archive(app))) {
			return;
		}
		Map<String, String> environment = new LinkedHashMap<>(service.environment());
		environment.put("SERVER_PORT", "0");
		environment.put("APP_INSTANCE_ID", service.name() + "-class-data");
		// Every fanout role's beans, so that one archive serves each role.
		environment.computeIfPresent("FANOUT_ROLE", (key, role) -> "all");
		record(app.getFileName().toString(), archive(app), (recording) -> {
			List<String> command = new ArrayList<>();
			command.add(this.java.toString());
			command.addAll(withArchive(this.jvmOptions,
					(this.aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + recording));
			if (this.aotCache) {
				// The services run with the watchdog agent, which adds java.instrument to the module
				// graph; an AOT cache made without it would be refused.
				command.addAll(List.of("--add-modules", "java.instrument"));
			}
			command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", app.toString()));
			ShortLivedProcess.runInTheBackground(command, environment, TRAINING_TIMEOUT);
		}, this.output);
	}

	/** A training run that writes an archive to the file it is given, at its exit. */
	@FunctionalInterface
	interface TrainingRun {

		void recordInto(Path recording) throws IOException, InterruptedException;

	}

	/**
	 * Makes an archive with a training run, the services' and the broker's alike: the run records
	 * into a file of its own (named after this launcher, so two launchers never write the same one),
	 * which becomes the archive, atomically, only once the run ended well; whatever it left
	 * otherwise is deleted. Says how long it took, or why it failed.
	 * @param name what the archive is for, in the messages
	 * @throws InterruptedException if interrupted: the run is killed and leaves no archive
	 */
	static void record(String name, Path archive, TrainingRun run, PrefixedOutput output) throws InterruptedException {
		long begin = System.nanoTime();
		Path recording = archive.resolveSibling(archive.getFileName() + "-" + ProcessHandle.current().pid());
		try {
			Files.createDirectories(archive.getParent());
			run.recordInto(recording);
			Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			output.launcher("class data archive for " + name + " created in "
					+ ChildLauncher.seconds(System.nanoTime() - begin) + ", used from the next start on");
		}
		catch (IOException ex) {
			output.launcher("cannot create a class data archive for " + name + " (the next start tries again): "
					+ ex.getMessage().lines().findFirst().orElse(""));
		}
		finally {
			try {
				Files.deleteIfExists(recording);
			}
			catch (IOException ex) {
				// Named after this launcher's pid: the next launcher of that pid overwrites it.
			}
		}
	}

	private void deleteOtherBuilds(String module, Path entry) throws IOException {
		if (!Files.isDirectory(this.cache)) {
			return;
		}
		try (DirectoryStream<Path> builds = Files.newDirectoryStream(this.cache, module + "-*")) {
			for (Path build : builds) {
				if (!build.equals(entry) && build.getFileName().toString().matches(module + "-[0-9a-f]{16}")) {
					StackDirectories.deleteRecursively(build);
				}
			}
		}
	}

	/** The jar's size and CRC-32C: enough to tell one build from another, and quick to compute on every start. */
	static String hash(Path file) throws IOException {
		CRC32C crc = new CRC32C();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				crc.update(buffer, 0, read);
			}
		}
		return String.format("%08x%08x", Files.size(file) & 0xffffffffL, crc.getValue());
	}

	static String hash(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes), 0, 8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
