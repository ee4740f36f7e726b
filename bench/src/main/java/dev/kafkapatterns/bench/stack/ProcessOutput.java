package dev.kafkapatterns.bench.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The lines a child process prints: copied to a log file as they come, and kept so that the
 * benchmark can wait for a line such as {@code Stack ready in …} after a given point.
 */
final class ProcessOutput {

	private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

	private final List<String> lines = new ArrayList<>();

	private final PrintStream log;

	private boolean ended;

	ProcessOutput(PrintStream log) {
		this.log = log;
	}

	/** Reads the stream on a daemon thread until it ends. */
	void readFrom(InputStream stream, String threadName) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					add(ANSI_ESCAPE.matcher(line).replaceAll(""));
				}
			}
			catch (IOException ex) {
				// The process is gone; what it printed is kept.
			}
			finally {
				end();
			}
		}, threadName);
		reader.setDaemon(true);
		reader.start();
	}

	private synchronized void add(String line) {
		this.lines.add(line);
		this.log.println(line);
		notifyAll();
	}

	private synchronized void end() {
		this.ended = true;
		this.log.flush();
		notifyAll();
	}

	/** How many lines came so far: a mark to wait for lines after. */
	synchronized int mark() {
		return this.lines.size();
	}

	/**
	 * Waits for a line after the mark that matches.
	 * @param mark lines before this index are not considered
	 * @param matcher the line wanted
	 * @param timeout how long to wait
	 * @return the line, or empty when the time ran out or the output ended first
	 */
	synchronized Optional<String> awaitLine(int mark, Predicate<String> matcher, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int next = mark;
		while (true) {
			for (; next < this.lines.size(); next++) {
				if (matcher.test(this.lines.get(next))) {
					return Optional.of(this.lines.get(next));
				}
			}
			long left = deadline - System.nanoTime();
			if (this.ended || left <= 0) {
				return Optional.empty();
			}
			wait(Math.max(1, left / 1_000_000));
		}
	}

	/** The last lines, to explain a failure. */
	synchronized List<String> tail(int count) {
		return List.copyOf(this.lines.subList(Math.max(0, this.lines.size() - count), this.lines.size()));
	}

}
