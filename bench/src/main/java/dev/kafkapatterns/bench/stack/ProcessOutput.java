package dev.kafkapatterns.bench.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The lines local-stack prints: copied to a log file as they come, and the launcher's own lines
 * kept so that the benchmark can wait for a line such as {@code Stack ready in …} after a given
 * point. The services' lines ({@code fanout-audit | … processed …}, several per event) go to the
 * log only, and the log is written a burst of lines at a time: the benchmark shares the cores with
 * the stack, and a full run prints over 200,000 of them (about 60 MB).
 */
final class ProcessOutput {

	private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

	/** The name in front of the launcher's own lines (local-stack's {@code PrefixedOutput}). */
	private static final String LAUNCHER = "local-stack";

	private static final int TAIL_LINES = 50;

	private final List<String> launcherLines = new ArrayList<>();

	private final Deque<String> tail = new ArrayDeque<>(TAIL_LINES);

	private final PrintStream log;

	private boolean ended;

	/**
	 * @param log where every line goes; flushed after each burst of lines
	 */
	ProcessOutput(PrintStream log) {
		this.log = log;
	}

	/** Reads the stream on a daemon thread until it ends. */
	void readFrom(InputStream stream, String threadName) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					add((line.indexOf('\u001B') >= 0) ? ANSI_ESCAPE.matcher(line).replaceAll("") : line, !in.ready());
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

	private synchronized void add(String line, boolean lastOfBurst) {
		this.log.println(line);
		if (lastOfBurst) {
			this.log.flush();
		}
		if (this.tail.size() == TAIL_LINES) {
			this.tail.removeFirst();
		}
		this.tail.addLast(line);
		if (isLaunchers(line)) {
			this.launcherLines.add(line);
			notifyAll();
		}
	}

	/**
	 * A line of the launcher: {@code local-stack | …}, or one without a name, such as
	 * {@code Stack ready in …} (what stands before a {@code " | "} in such a line is not a name: it
	 * has spaces in it).
	 */
	static boolean isLaunchers(String line) {
		int bar = line.indexOf(" | ");
		if (bar < 0) {
			return true;
		}
		String name = line.substring(0, bar).strip();
		return name.equals(LAUNCHER) || name.indexOf(' ') >= 0;
	}

	private synchronized void end() {
		this.ended = true;
		this.log.flush();
		notifyAll();
	}

	/** How many of the launcher's lines came so far: a mark to wait for lines after. */
	synchronized int mark() {
		return this.launcherLines.size();
	}

	/**
	 * Waits for a line of the launcher after the mark that matches.
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
			for (; next < this.launcherLines.size(); next++) {
				if (matcher.test(this.launcherLines.get(next))) {
					return Optional.of(this.launcherLines.get(next));
				}
			}
			long left = deadline - System.nanoTime();
			if (this.ended || left <= 0) {
				return Optional.empty();
			}
			wait(Math.max(1, left / 1_000_000));
		}
	}

	/** The last lines of every process (at most 50), to explain a failure. */
	synchronized List<String> tail(int count) {
		List<String> lines = List.copyOf(this.tail);
		return lines.subList(Math.max(0, lines.size() - count), lines.size());
	}

}
