package dev.kafkapatterns.localstack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.localstack.system.SystemTestReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * local-stack leaves nothing behind, even when it is killed: after a SIGKILL of the launcher
 * every one of its JVMs, the broker's and the services', ends by itself, and the next launcher
 * deletes what the killed one left on disk.
 */
class LauncherKilledSystemTests {

	private static final Pattern RUN_DIRECTORY = Pattern.compile(".*run directory (\\S+).*");

	/** The launchers' temporary directory, and so their pid files, kept apart from other launchers'. */
	@TempDir
	Path temporary;

	private LauncherProcess killed;

	private LauncherProcess next;

	@AfterEach
	void killWhateverIsLeft() {
		for (LauncherProcess launcher : new LauncherProcess[] { this.killed, this.next }) {
			if (launcher != null) {
				launcher.killWhateverIsLeft();
			}
		}
	}

	@Test
	void killingTheLauncherLeavesNoProcessAndNoDirectoryBehind() throws Exception {
		List<String> jvm = List.of("-Djava.io.tmpdir=" + this.temporary);
		this.killed = LauncherProcess.start(jvm, "--workers", "1", "--http-port", "0", "--dashboard-port", "0",
				"--kafka-port", "0", "--color",
				"never", "--project-dir", Path.of("..").toAbsolutePath().normalize().toString());
		await().atMost(Duration.ofMinutes(8)).until(() -> this.killed.line("^Stack (not )?ready .*") != null);
		assertThat(this.killed.line("^Stack ready .*")).isNotNull();
		List<ProcessHandle> children = this.killed.process().descendants().toList();
		// The broker, producer-service, the dashboard, three fanout services and a worker.
		assertThat(children).hasSizeGreaterThanOrEqualTo(7);
		Matcher run = RUN_DIRECTORY.matcher(this.killed.line(".*run directory .*"));
		assertThat(run.matches()).isTrue();
		Path runDirectory = Path.of(run.group(1));

		long killedAt = System.nanoTime();
		this.killed.process().destroyForcibly();

		await().atMost(Duration.ofSeconds(15)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
		double took = (System.nanoTime() - killedAt) / 1e9;
		assertThat(runDirectory).isDirectory();

		this.next = LauncherProcess.start(jvm, "--broker-only", "--kafka-port", "0", "--color", "never");
		await().atMost(Duration.ofMinutes(2)).until(() -> this.next.line("^Stack ready .*") != null);
		assertThat(this.next.line(".*cleaned up after a launcher that ended without stopping its processes .*"))
			.contains(runDirectory.toString());
		assertThat(runDirectory).doesNotExist();
		this.next.process().toHandle().destroy();
		this.next.process().waitFor();
		SystemTestReport.record(String.format(Locale.ROOT,
				"SIGKILL of the launcher: all %d child JVMs ended by themselves within %.1f s; the next launcher deleted "
						+ "the temporary directories",
				children.size(), took));
	}

}
