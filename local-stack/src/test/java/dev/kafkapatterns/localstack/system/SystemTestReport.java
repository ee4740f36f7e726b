package dev.kafkapatterns.localstack.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures a system test measured (events, duplicates, losses), printed and appended to
 * {@code target/system-tests/report.txt}, so the README and the closing notes can quote them.
 */
public final class SystemTestReport {

	private static final Path REPORT = Path.of("target", "system-tests", "report.txt");

	private SystemTestReport() {
	}

	public static void record(String line) {
		System.out.println("[system test] " + line);
		try {
			Files.createDirectories(REPORT.getParent());
			Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
