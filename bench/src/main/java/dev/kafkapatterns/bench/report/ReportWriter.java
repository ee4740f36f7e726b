package dev.kafkapatterns.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's results into a directory: {@code results.json}, {@code README.md} (the tables)
 * and the PNG charts the README shows.
 */
public final class ReportWriter {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportWriter() {
	}

	/**
	 * Writes everything.
	 * @param results the run's results, targets evaluated
	 * @param directory where to write, created if needed
	 */
	public static void write(BenchmarkResults results, Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("results.json"), JSON.writeValueAsString(results) + "\n",
				StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("README.md"), MarkdownReport.render(results), StandardCharsets.UTF_8);
		Charts.write(results, directory);
	}

	/**
	 * Reads the results a run wrote, so that the report and charts can be written again from them
	 * (after a change to the report, say) without measuring again.
	 * @param directory where a run wrote {@code results.json}
	 * @return its results
	 */
	public static BenchmarkResults read(Path directory) throws IOException {
		return JSON.readValue(Files.readString(directory.resolve("results.json"), StandardCharsets.UTF_8),
				BenchmarkResults.class);
	}

	/** The targets table alone, for the console. */
	public static String targetsTable(BenchmarkResults results) {
		String markdown = MarkdownReport.render(results);
		int start = markdown.indexOf("## Targets");
		int end = markdown.indexOf("\n## ", start + 1);
		return (start < 0) ? "" : markdown.substring(start, (end < 0) ? markdown.length() : end).strip();
	}

}
