package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * What a launcher has started, written down so that the next launcher can clean up if this one
 * is killed: the pid of every child and the temporary directories, in
 * {@code <tmp>/local-stack-<user>/<launcher pid>.pids}. Each process is noted with its start
 * time, so that a pid the system has since given to another process is never touched.
 */
final class PidFile {

	private static final String LAUNCHER = "launcher";

	private static final String CHILD = "child.";

	private static final String DIRECTORY = "directory.";

	private final Path file;

	private final Properties entries = new Properties();

	private PidFile(Path file) {
		this.file = file;
	}

	/** The directory every launcher of this user writes its pid file to. */
	static Path defaultDirectory() {
		return Path.of(System.getProperty("java.io.tmpdir"), "local-stack-" + System.getProperty("user.name"));
	}

	/**
	 * Starts the pid file of this launcher.
	 * @param temporaryDirectories the directories to delete if this launcher is killed
	 */
	static PidFile create(Path directory, List<Path> temporaryDirectories) throws IOException {
		ProcessHandle self = ProcessHandle.current();
		PidFile pidFile = new PidFile(Files.createDirectories(directory).resolve(self.pid() + ".pids"));
		pidFile.entries.setProperty(LAUNCHER, identity(self));
		for (int i = 0; i < temporaryDirectories.size(); i++) {
			pidFile.entries.setProperty(DIRECTORY + i, temporaryDirectories.get(i).toString());
		}
		pidFile.write();
		return pidFile;
	}

	/** Notes a child that has just started, in place of an earlier run under the same name. */
	synchronized void started(ChildProcess child) {
		child.pid().stream().mapToObj(ProcessHandle::of).flatMap(Optional::stream).findFirst()
			.ifPresent((process) -> this.entries.setProperty(CHILD + child.name(), identity(process)));
		write();
	}

	/** Notes another directory to delete if this launcher is killed. */
	synchronized void temporary(Path directory) {
		long directories = this.entries.stringPropertyNames().stream().filter((key) -> key.startsWith(DIRECTORY)).count();
		this.entries.setProperty(DIRECTORY + directories, directory.toString());
		write();
	}

	/** Removes the file: this launcher has stopped what it started. */
	synchronized void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// The next launcher finds nothing alive in it and deletes it.
		}
	}

	private void write() {
		try {
			Path written = Files.createTempFile(this.file.getParent(), "pids", ".tmp");
			try (Writer out = Files.newBufferedWriter(written)) {
				this.entries.store(out, "local-stack: pid start-time of each process this launcher started");
			}
			Files.move(written, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
	}

	/**
	 * Kills what a launcher that is gone left running and deletes its temporary directories, for
	 * every pid file in the directory whose launcher no longer runs. Waits until those processes
	 * have ended, so that their ports are free.
	 */
	static void cleanUpAfterGoneLaunchers(Path directory, PrefixedOutput output) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pids")) {
			for (Path file : files) {
				Properties entries = new Properties();
				try (Reader in = Files.newBufferedReader(file)) {
					entries.load(in);
				}
				if (running(entries.getProperty(LAUNCHER, "")).isEmpty()) {
					cleanUp(file, entries, output);
				}
			}
		}
		catch (IOException ex) {
			output.launcher("cannot look for what an earlier launcher left behind in " + directory + ": " + ex);
		}
	}

	private static void cleanUp(Path file, Properties entries, PrefixedOutput output) throws IOException {
		List<ProcessHandle> left = entries.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith(CHILD))
			.map((key) -> running(entries.getProperty(key)))
			.flatMap(Optional::stream)
			.toList();
		left.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : left) {
			try {
				process.onExit().get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				// Reported below as still alive.
			}
		}
		List<Path> directories = entries.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith(DIRECTORY))
			.map((key) -> Path.of(entries.getProperty(key)))
			.filter(Files::isDirectory)
			.toList();
		directories.forEach(StackDirectories::deleteRecursively);
		Files.deleteIfExists(file);
		if (!left.isEmpty() || !directories.isEmpty()) {
			output.launcher("cleaned up after a launcher that ended without stopping its processes ("
					+ file.getFileName() + "): " + (left.isEmpty() ? ""
							: "killed " + left.size() + " processes it left running " + left.stream().map(ProcessHandle::pid).toList() + ", ")
					+ "deleted " + directories);
		}
	}

	/** {@code <pid> <start time in epoch milliseconds>}. */
	private static String identity(ProcessHandle process) {
		return process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
	}

	/** The process noted as {@code <pid> <start time>}, if it still runs and is the same process. */
	static Optional<ProcessHandle> running(String identity) {
		String[] parts = identity.split(" ");
		try {
			return ProcessHandle.of(Long.parseLong(parts[0]))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> identity(process).equals(identity));
		}
		catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

}
