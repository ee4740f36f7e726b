package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A child JVM with the watchdog agent ends once its standard input closes, which is what happens
 * when its launcher is gone, however it went.
 */
class ChildWatchdogTests {

	@TempDir
	Path directory;

	private Process child;

	@AfterEach
	void killTheChild() {
		if (this.child != null) {
			this.child.destroyForcibly();
		}
	}

	@Test
	void aChildEndsWhenItsStandardInputCloses() throws Exception {
		this.child = startWatched("run");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(this.child::isAlive);

		this.child.getOutputStream().close();

		await().atMost(Duration.ofSeconds(5)).until(() -> !this.child.isAlive());
		assertThat(this.child.exitValue()).isZero();
	}

	@Test
	void aChildWhoseShutdownHangsIsHaltedAfterTheGracePeriod() throws Exception {
		this.child = startWatched("hang-on-exit");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(this.child::isAlive);

		long closed = System.nanoTime();
		this.child.getOutputStream().close();

		await().atMost(Duration.ofMillis(ChildWatchdog.GRACE_MILLIS + 5000)).until(() -> !this.child.isAlive());
		assertThat(Duration.ofNanos(System.nanoTime() - closed)).isGreaterThanOrEqualTo(Duration.ofMillis(ChildWatchdog.GRACE_MILLIS));
		assertThat(this.child.exitValue()).isEqualTo(1);
	}

	private Process startWatched(String mode) throws IOException {
		Path agent = ChildWatchdog.writeAgentJar(this.directory);
		return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-javaagent:" + agent, "-cp", System.getProperty("java.class.path"), SleepingChild.class.getName(), mode))
			.inheritIO()
			.redirectInput(ProcessBuilder.Redirect.PIPE)
			.start();
	}

	/** A child that runs until it is stopped, and optionally hangs in a shutdown hook. */
	static final class SleepingChild {

		public static void main(String[] args) throws InterruptedException {
			if (args[0].equals("hang-on-exit")) {
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						Thread.currentThread().join();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
			}
			Thread.currentThread().join();
		}

	}

}
