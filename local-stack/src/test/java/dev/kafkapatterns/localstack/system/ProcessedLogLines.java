package dev.kafkapatterns.localstack.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-event {@code processed … deliveryCount=N} lines that share-group consumers log, read
 * back from a system test's log file. A receipt says who processed an event; only this line says
 * on which delivery, and so which records the broker handed out again.
 */
final class ProcessedLogLines {

	private static final Pattern LINE = Pattern.compile("processed service=\\S+ group=(\\S+) instance=(\\S+) "
			+ "partition=(\\d+) offset=(\\d+) key=.*? eventId=(\\S+) type=\\S+ deliveryCount=(\\d+) \\|");

	private ProcessedLogLines() {
	}

	/**
	 * Every line of one share group in the file so far.
	 * @param logFile the stack's log file
	 * @param group the share group
	 * @return the lines, in the order they were written
	 */
	static List<Processed> of(Path logFile, String group) {
		try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
			return lines.map(ProcessedLogLines::parse)
				.flatMap(Optional::stream)
				.filter((processed) -> processed.group().equals(group))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Processed> parse(String line) {
		Matcher matcher = LINE.matcher(line);
		if (!matcher.find()) {
			return Optional.empty();
		}
		return Optional.of(new Processed(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)),
				Long.parseLong(matcher.group(4)), matcher.group(5), Integer.parseInt(matcher.group(6))));
	}

	/**
	 * One processed record.
	 *
	 * @param group the share group
	 * @param instance the worker that processed it
	 * @param partition its partition
	 * @param offset its offset
	 * @param eventId the event's id
	 * @param deliveryCount on which delivery it was processed: 1 unless the broker handed it out before
	 */
	record Processed(String group, String instance, int partition, long offset, String eventId, int deliveryCount) {
	}

}
