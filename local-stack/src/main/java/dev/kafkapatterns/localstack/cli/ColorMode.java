package dev.kafkapatterns.localstack.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether the name prefixes are coloured: always, never, or only when standard output is a
 * terminal, so that files and pipes get plain text.
 */
enum ColorMode {

	/** Colours when standard output is a terminal. */
	AUTO,

	/** Colours even into a file or a pipe. */
	ALWAYS,

	/** Plain text. */
	NEVER;

	/**
	 * Whether this mode colours the output of the current process.
	 * @return {@code true} to colour
	 */
	boolean enabled() {
		return switch (this) {
			case ALWAYS -> true;
			case NEVER -> false;
			case AUTO -> stdoutIsTerminal();
		};
	}

	private static boolean stdoutIsTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		// From JDK 22 System.console() answers even when redirected; Console.isTerminal() then tells.
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

}
