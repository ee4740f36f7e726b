package dev.kafkapatterns.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The commands the launcher runs to their end (the broker's storage format among them) end in
 * time or are stopped, however much they print.
 */
class ShortLivedProcessTests {

	@Test
	void aCommandThatDoesNotEndInTimeIsStoppedAndReported() {
		long begin = System.nanoTime();

		assertThatIOException().isThrownBy(() -> ShortLivedProcess.run(List.of("sh", "-c", "sleep 60"), Map.of(), Duration.ofSeconds(1)))
			.withMessage("it took longer than 1 s");
		assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aCommandThatPrintsMoreThanAPipeHoldsEndsAndItsOutputIsKept() throws Exception {
		String output = ShortLivedProcess.run(List.of("sh", "-c", "seq 1 100000"), Map.of(), Duration.ofSeconds(30));

		assertThat(output.lines()).hasSize(100000).endsWith("100000");
	}

	@Test
	void anInterruptedWaitKillsTheCommandBeforeItReturns(@TempDir Path directory) throws Exception {
		Path pidFile = directory.resolve("pid");
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread waiting = new Thread(() -> {
			try {
				ShortLivedProcess.run(List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 60"), Map.of(),
						Duration.ofSeconds(60));
			}
			catch (Exception ex) {
				failure.set(ex);
			}
		});
		waiting.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
		long pid = Long.parseLong(Files.readString(pidFile).strip());

		waiting.interrupt();
		waiting.join(Duration.ofSeconds(10).toMillis());

		assertThat(waiting.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(InterruptedException.class);
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the command, once the wait returned")
			.isEmpty();
	}

	@Test
	void aCommandInTheBackgroundRunsAtTheLowestPriorityAndEndsWithItsStatus() throws Exception {
		assumeNice();

		// nice without a command prints the niceness it runs with.
		String niceness = ShortLivedProcess.runInTheBackground(List.of("sh", "-c", "nice"), Map.of(),
				Duration.ofSeconds(30));

		assertThat(niceness.strip()).isEqualTo("19");
		assertThatIOException()
			.isThrownBy(() -> ShortLivedProcess.runInTheBackground(List.of("sh", "-c", "echo no archive; exit 3"),
					Map.of(), Duration.ofSeconds(30)))
			.withMessage("exit code 3:\nno archive");
	}

	@Test
	void aCommandInTheBackgroundEndsWhenItsLauncherIsKilled(@TempDir Path directory) throws Exception {
		assumeNice();
		Path pidFile = directory.resolve("pid");
		Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), BackgroundLauncher.class.getName(), pidFile.toString())
			.inheritIO()
			.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
		ProcessHandle command = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();

		launcher.destroyForcibly().waitFor();

		await().atMost(Duration.ofSeconds(10)).until(() -> !command.isAlive());
	}

	private static void assumeNice() {
		assumeThat(List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"))).as("a nice command")
			.anyMatch(Files::isExecutable);
	}

	/** A launcher that runs a command in the background, which would last a minute, until it is killed. */
	static final class BackgroundLauncher {

		public static void main(String[] args) throws Exception {
			ShortLivedProcess.runInTheBackground(List.of("sh", "-c", "echo $$ > " + args[0] + "; exec sleep 60"),
					Map.of(), Duration.ofSeconds(60));
		}

	}

	@Test
	void aFailingCommandIsReportedWithItsOutput() {
		assertThatIOException()
			.isThrownBy(() -> ShortLivedProcess.run(List.of("sh", "-c", "echo no storage here; exit $CODE"), Map.of("CODE", "3"),
					Duration.ofSeconds(30)))
			.withMessage("exit code 3:\nno storage here");
	}

}
