package dev.kafkapatterns.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.kafkapatterns.localstack.output.PrefixedOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The class data archives of a first start are made after it, in the background, at the lowest CPU
 * priority, and a stack that stops first leaves none half made. Real training runs of the
 * queue-workers jar, which needs no broker up to its context refresh.
 */
class ClassDataTrainingTests {

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	@TempDir
	Path cache;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrefixedOutput output = new PrefixedOutput(new PrintStream(this.printed, true, StandardCharsets.UTF_8),
			false);

	private ServiceDefinition worker;

	private ClassDataArchives archives;

	private ClassDataTraining training;

	@TempDir
	Path pids;

	@BeforeEach
	void trainingForTheWorkersJar() throws IOException {
		assumeThat(Path.of("/proc/self/stat")).as("Linux's /proc, where the training run's niceness is read")
			.exists();
		Path jar = ProjectJars.locate().workers();
		assumeThat(jar).as("the queue-workers jar, built before local-stack").isRegularFile();
		// Nothing listens on port 1: the run must not need a broker.
		this.worker = new ServiceDefinition("queue-worker-1", jar, 0,
				Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:1", "APP_INSTANCE_ID", "queue-worker-1"));
		this.archives = new ClassDataArchives(this.cache, JAVA, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
				this.output);
		// A class path with a directory: no archive for the broker, so only the worker's is made.
		BrokerClassData broker = BrokerClassData.of(JAVA, this.cache.toString(), List.of());
		this.training = new ClassDataTraining(this.archives, broker, new Ports(), PidFile.create(this.pids, List.of()), this.output);
	}

	@Test
	void aFirstStartSaysSoAndTheArchiveIsMadeAfterItAtTheLowestPriority() {
		List<ServiceDefinition> services = List.of(this.worker);
		this.training.extract(services);

		assertThat(this.training.announce(services)).isTrue();
		assertThat(printed()).contains(ClassDataTraining.MISSING);
		assertThat(this.archives.command(this.worker.jar())).as("this start runs without it")
			.noneMatch((option) -> option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-XX:AOTCache="));

		this.training.startInTheBackground(services);

		assertThat(this.archives.missing(this.worker)).as("right after the start, it is being made").isTrue();
		ProcessHandle run = await().atMost(Duration.ofSeconds(60)).until(this::trainingRun, Optional::isPresent).get();
		assertThat(niceness(run)).as("the training run's niceness").isEqualTo(19);
		await().atMost(Duration.ofMinutes(5)).until(() -> printed().contains(ClassDataTraining.DONE));
		assertThat(this.archives.missing(this.worker)).isFalse();
		assertThat(this.archives.command(this.worker.jar())).as("the next start maps it")
			.anyMatch((option) -> option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-XX:AOTCache="));
		assertThat(this.training.announce(services)).as("nothing left to make").isFalse();
	}

	@Test
	void aStopKillsTheRunInProgressAndLeavesNoArchive() throws IOException {
		List<ServiceDefinition> services = List.of(this.worker);
		this.training.startInTheBackground(services);
		ProcessHandle run = await().atMost(Duration.ofSeconds(60)).until(this::trainingRun, Optional::isPresent).get();

		this.training.stop();

		assertThat(run.isAlive()).isFalse();
		assertThat(printed()).contains("class data archives not finished").doesNotContain(ClassDataTraining.DONE);
		assertThat(this.archives.missing(this.worker)).isTrue();
		try (Stream<Path> files = Files.walk(this.cache)) {
			assertThat(files.map(Path::getFileName).map(Path::toString))
				.noneMatch((name) -> name.endsWith(".jsa") || name.contains(".jsa-") || name.contains(".aot"));
		}
		this.training.startInTheBackground(services);
		assertThat(trainingRun()).as("no run after the stop").isEmpty();
	}

	/** The JVM that records this test's archive, while it runs (not the shell that started it). */
	private Optional<ProcessHandle> trainingRun() {
		return ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info().command().map((command) -> command.endsWith("java")).orElse(false))
			.filter((process) -> process.info()
				.arguments()
				.map((arguments) -> Stream.of(arguments)
					.anyMatch((argument) -> argument.contains(this.cache.toString()) && argument.startsWith("-XX:A")))
				.orElse(false))
			.findFirst();
	}

	private static int niceness(ProcessHandle process) {
		try {
			// /proc/PID/stat: the command sits in parentheses; the niceness is the 19th field.
			String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Integer.parseInt(fields[16]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
