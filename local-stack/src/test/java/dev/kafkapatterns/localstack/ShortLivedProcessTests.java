package dev.kafkapatterns.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The commands the launcher runs to their end (the broker's storage format among them) end in
 * time or are stopped, however much they print.
 */
class ShortLivedProcessTests {

	@Test
	void aCommandThatDoesNotEndInTimeIsStoppedAndReported() {
		long begin = System.nanoTime();

		assertThatIOException().isThrownBy(() -> ShortLivedProcess.run(List.of("sh", "-c", "sleep 60"), Map.of(), Duration.ofSeconds(1)))
			.withMessage("it took longer than 1 s");
		assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aCommandThatPrintsMoreThanAPipeHoldsEndsAndItsOutputIsKept() throws Exception {
		String output = ShortLivedProcess.run(List.of("sh", "-c", "seq 1 100000"), Map.of(), Duration.ofSeconds(30));

		assertThat(output.lines()).hasSize(100000).endsWith("100000");
	}

	@Test
	void aFailingCommandIsReportedWithItsOutput() {
		assertThatIOException()
			.isThrownBy(() -> ShortLivedProcess.run(List.of("sh", "-c", "echo no storage here; exit $CODE"), Map.of("CODE", "3"),
					Duration.ofSeconds(30)))
			.withMessage("exit code 3:\nno storage here");
	}

}
