package dev.kafkapatterns.localstack.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * A command typed (or piped) into the running launcher, one per line.
 */
sealed interface ConsoleCommand {

	String USAGE = "scale N, stop NAME, start NAME, kill NAME, status, help, quit";

	/**
	 * Reads one line.
	 * @param line what was typed
	 * @return the command, an {@link Invalid} one with a message for a mistake, or empty for a
	 * blank line
	 */
	static Optional<ConsoleCommand> parse(String line) {
		String[] words = line.strip().split("\\s+");
		if (words[0].isEmpty()) {
			return Optional.empty();
		}
		String verb = words[0].toLowerCase(Locale.ROOT);
		ConsoleCommand command = switch (verb) {
			case "scale" -> scale(words);
			case "stop", "start", "kill" -> named(verb, words);
			case "status", "ps" -> noArguments(new Status(), words);
			case "help", "?" -> noArguments(new Help(), words);
			case "quit", "exit" -> noArguments(new Quit(), words);
			default -> new Invalid("Unknown command '" + words[0] + "'. Commands: " + USAGE);
		};
		return Optional.of(command);
	}

	private static ConsoleCommand scale(String[] words) {
		if (words.length != 2) {
			return new Invalid("Usage: scale N, the number of queue workers to run, for example 'scale 5'");
		}
		try {
			int workers = Integer.parseInt(words[1]);
			if (workers < 0) {
				return new Invalid("scale needs 0 or more workers, not " + workers);
			}
			return new Scale(workers);
		}
		catch (NumberFormatException ex) {
			return new Invalid("scale needs a number of workers, not '" + words[1] + "'");
		}
	}

	private static ConsoleCommand named(String verb, String[] words) {
		if (words.length != 2) {
			return new Invalid("Usage: " + verb + " NAME, for example '" + verb + " queue-worker-2'; 'status' lists the names");
		}
		String name = words[1];
		return switch (verb) {
			case "stop" -> new Stop(name);
			case "start" -> new Start(name);
			default -> new Kill(name);
		};
	}

	private static ConsoleCommand noArguments(ConsoleCommand command, String[] words) {
		if (words.length != 1) {
			return new Invalid("'" + words[0] + "' takes no arguments");
		}
		return command;
	}

	/** Run this many queue workers. */
	record Scale(int workers) implements ConsoleCommand {
	}

	/** Stop a process gracefully. */
	record Stop(String name) implements ConsoleCommand {
	}

	/** Start a stopped process again. */
	record Start(String name) implements ConsoleCommand {
	}

	/** Kill a process with SIGKILL. */
	record Kill(String name) implements ConsoleCommand {
	}

	/** Print the process table. */
	record Status() implements ConsoleCommand {
	}

	/** Print the commands. */
	record Help() implements ConsoleCommand {
	}

	/** Stop everything and exit, as a signal would. */
	record Quit() implements ConsoleCommand {
	}

	/** A mistake, with what to type instead. */
	record Invalid(String message) implements ConsoleCommand {
	}

}
