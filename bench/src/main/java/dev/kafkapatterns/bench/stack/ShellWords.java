package dev.kafkapatterns.bench.stack;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.text.StringTokenizer;
import org.apache.commons.text.matcher.StringMatcherFactory;

/**
 * Arguments as words of one line: split from the line a user gives ({@code --stack-args}), and
 * joined into the line the report and the logs write.
 */
public final class ShellWords {

	private static final Pattern SAFE = Pattern.compile("[\\w@%+=:,./-]+");

	private ShellWords() {
	}

	/**
	 * Splits arguments at spaces, except inside single or double quotes around a whole argument,
	 * which are removed: {@code --jvm-opts '-Xss512k -Xmx256m'} is two arguments, as local-stack's
	 * {@code --jvm-opts} wants them. (A quote inside a word, {@code --jvm-opts='…'}, is not a shell's:
	 * it stays, and local-stack rejects the argument.)
	 * @param line the arguments as one line
	 * @return the arguments
	 */
	public static List<String> split(String line) {
		return new StringTokenizer(line, StringMatcherFactory.INSTANCE.splitMatcher(),
				StringMatcherFactory.INSTANCE.quoteMatcher())
			.getTokenList();
	}

	/**
	 * The arguments joined by spaces, a line that a POSIX shell splits back into them, so that it can
	 * be run again as it is: each one with anything a shell would read differently in
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
