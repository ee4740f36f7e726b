package dev.kafkapatterns.bench.stack;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Command lines as the report and the logs write them: a line that a POSIX shell splits back into
 * the same arguments, so it can be run again as it is.
 */
public final class ShellWords {

	private static final Pattern SAFE = Pattern.compile("[\\w@%+=:,./-]+");

	private ShellWords() {
	}

	/**
	 * The arguments joined by spaces, each one with anything a shell would read differently in
	 * single quotes (a single quote in it as {@code '\''}).
	 * @param arguments the arguments
	 * @return the line
	 */
	public static String join(List<String> arguments) {
		return arguments.stream()
			.map((argument) -> SAFE.matcher(argument).matches() ? argument
					: "'" + argument.replace("'", "'\\''") + "'")
			.collect(Collectors.joining(" "));
	}

}
