package dev.kafkapatterns.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A child ignores the terminal's signals, so that a Ctrl-C or a closing terminal reaches only the
 * launcher, which stops the services in order; the launcher's SIGTERM still stops it gracefully.
 * And it stays in the launcher's session, so that the kernel schedules its threads with the other
 * children's, not as a group of its own with an equal share of the cores.
 */
class ChildProcessSignalsTests {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private ChildProcess child;

	@BeforeEach
	void startAChild() throws IOException {
		assumeThat(Path.of("/proc/self/stat")).exists();
		this.child = new ChildProcess("child", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), StoppableChild.class.getName()), Map.of(), 0, "no port",
				() -> true, new PrefixedOutput(new PrintStream(this.printed, true, StandardCharsets.UTF_8), false));
		this.child.start();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(printed()).containsPattern("child +\\| running"));
	}

	@AfterEach
	void killTheChild() throws InterruptedException {
		if (this.child != null) {
			this.child.kill();
		}
	}

	@Test
	void theChildIsInTheLaunchersSession() throws IOException {
		long pid = this.child.pid().orElseThrow();

		assertThat(sessionOf(pid)).isEqualTo(sessionOf(ProcessHandle.current().pid()));
	}

	@Test
	void aCtrlCOrAClosingTerminalDoesNotReachTheChild() throws Exception {
		long pid = this.child.pid().orElseThrow();

		signal("INT", pid);
		signal("HUP", pid);

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(this.child::isAlive);
		assertThat(printed()).doesNotContain("shutting down");
	}

	@Test
	void sigtermStillStopsTheChildGracefully() throws InterruptedException {
		ChildProcess.Stopped stopped = this.child.stop(Duration.ofSeconds(20));

		assertThat(stopped.outcome()).startsWith("stopped in");
		assertThat(printed()).containsPattern("child +\\| shutting down");
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

	/** The session id, the sixth field of {@code /proc/PID/stat} (after the command in parentheses). */
	private static long sessionOf(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[3]);
	}

	private static void signal(String name, long pid) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
	}

	/** Runs until a signal ends it, saying so from its shutdown hook. */
	static final class StoppableChild {

		public static void main(String[] args) throws InterruptedException {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutting down")));
			System.out.println("running");
			// Waits for nothing but its end: a thread that joins itself never returns.
			Thread.currentThread().join();
		}

	}

}
