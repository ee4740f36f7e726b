package dev.kafkapatterns.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launcher that is killed cannot stop its children or delete its temporary directories; the
 * next launcher does, from the pid file, and touches nothing else.
 */
class PidFileTests {

	@TempDir
	Path pidFiles;

	@TempDir
	Path temporary;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrefixedOutput output = new PrefixedOutput(new PrintStream(this.printed, true, StandardCharsets.UTF_8),
			false);

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopTheProcesses() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void whatAGoneLauncherLeftIsKilledAndDeleted() throws Exception {
		Process leftRunning = sleeping();
		Path leftDirectory = Files.createDirectories(this.temporary.resolve("local-stack-run-1"));
		Path pidFile = write("4711.pids", "launcher=" + gone(), "child.queue-worker-1=" + identity(leftRunning.toHandle()),
				"directory.0=" + leftDirectory);

		PidFile.cleanUpAfterGoneLaunchers(this.pidFiles, this.output);

		assertThat(leftRunning.isAlive()).isFalse();
		assertThat(leftDirectory).doesNotExist();
		assertThat(pidFile).doesNotExist();
		assertThat(this.printed.toString(StandardCharsets.UTF_8)).contains("killed 1 processes it left running ["
				+ leftRunning.pid() + "]");
	}

	@Test
	void aLauncherThatStillRunsIsLeftAlone() throws Exception {
		Process child = sleeping();
		Path directory = Files.createDirectories(this.temporary.resolve("local-stack-run-2"));
		Path pidFile = write("4712.pids", "launcher=" + identity(ProcessHandle.current()),
				"child.kafka=" + identity(child.toHandle()), "directory.0=" + directory);

		PidFile.cleanUpAfterGoneLaunchers(this.pidFiles, this.output);

		assertThat(child.isAlive()).isTrue();
		assertThat(directory).isDirectory();
		assertThat(pidFile).isRegularFile();
	}

	@Test
	void aPidTheSystemGaveToAnotherProcessSinceIsNotTouched() throws Exception {
		Process other = sleeping();
		// The same pid, with another start time: the child that had it ended, another process got it.
		Path pidFile = write("4713.pids", "launcher=" + gone(), "child.kafka=" + other.pid() + " 12345");

		PidFile.cleanUpAfterGoneLaunchers(this.pidFiles, this.output);

		assertThat(other.isAlive()).isTrue();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void aLauncherWritesWhatItStartedAndDeletesTheFileWhenItStops() throws IOException {
		PidFile pidFile = PidFile.create(this.pidFiles, List.of(this.temporary));
		Path file = this.pidFiles.resolve(ProcessHandle.current().pid() + ".pids");

		assertThat(Files.readString(file)).contains("launcher=" + identity(ProcessHandle.current()))
			.contains("directory.0=" + this.temporary);
		pidFile.delete();
		assertThat(file).doesNotExist();
	}

	private Process sleeping() throws IOException {
		Process process = new ProcessBuilder("sleep", "300").start();
		this.processes.add(process);
		return process;
	}

	/** The identity of a launcher that is gone: this process's pid with a start time it never had. */
	private static String gone() {
		return ProcessHandle.current().pid() + " 12345";
	}

	private static String identity(ProcessHandle process) {
		return process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
	}

	private Path write(String name, String... lines) throws IOException {
		return Files.write(this.pidFiles.resolve(name), List.of(lines));
	}

}
