package dev.kafkapatterns.localstack.output;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints lines the way docker compose does: {@code name | text}, the names padded to a common
 * width and, when colours are on, each name in its own colour. Safe to call from every process's
 * output thread at once: each line is printed whole.
 */
public final class PrefixedOutput {

	/** The name the launcher's own lines carry. */
	public static final String LAUNCHER = "local-stack";

	private static final String RESET = "\u001B[0m";

	// Compose's order: cyan, yellow, green, magenta, blue, then the bright variants.
	private static final List<String> PALETTE = List.of("36", "33", "32", "35", "34", "96", "93", "92", "95", "94");

	private static final String LAUNCHER_COLOR = "1";

	private final PrintStream out;

	private final boolean colors;

	private final Map<String, String> colorByName = new HashMap<>();

	private int width = LAUNCHER.length();

	/**
	 * Creates an output that prints to the given stream.
	 * @param out where the lines go
	 * @param colors whether to colour the prefixes with ANSI escapes
	 */
	public PrefixedOutput(PrintStream out, boolean colors) {
		this.out = out;
		this.colors = colors;
	}

	/**
	 * Makes room for names, so that lines are aligned from the first one on.
	 * @param names the names that will print
	 */
	public synchronized void register(String... names) {
		for (String name : names) {
			this.width = Math.max(this.width, name.length());
			colorOf(name);
		}
	}

	/**
	 * Prints one line with the name in front.
	 * @param name who says it: a process name or {@link #LAUNCHER}
	 * @param text the line, without its line break
	 */
	public synchronized void line(String name, String text) {
		this.out.println(format(name, text));
	}

	/**
	 * Prints lines with the name in front, as one block (written a few kilobytes at a time, not a
	 * line at a time): a burst from one process stays together, and the other processes' lines
	 * come before or after it.
	 * @param name who says them
	 * @param texts the lines, without their line breaks
	 */
	public synchronized void lines(String name, List<String> texts) {
		StringBuilder block = new StringBuilder(texts.size() * 160);
		for (String text : texts) {
			block.append(format(name, text)).append(System.lineSeparator());
		}
		this.out.print(block);
		this.out.flush();
	}

	/**
	 * Prints one line from the launcher itself.
	 * @param text the line
	 */
	public void launcher(String text) {
		line(LAUNCHER, text);
	}

	/**
	 * Prints a line without a prefix, for the lines scripts look for at the start of a line.
	 * @param text the line
	 */
	public synchronized void plain(String text) {
		this.out.println(text);
	}

	synchronized String format(String name, String text) {
		this.width = Math.max(this.width, name.length());
		String prefix = name + " ".repeat(this.width - name.length()) + " |";
		if (!this.colors) {
			return prefix + " " + text;
		}
		return "\u001B[" + colorOf(name) + "m" + prefix + RESET + " " + text;
	}

	private String colorOf(String name) {
		if (name.equals(LAUNCHER)) {
			return LAUNCHER_COLOR;
		}
		return this.colorByName.computeIfAbsent(name, (key) -> PALETTE.get(this.colorByName.size() % PALETTE.size()));
	}

}
