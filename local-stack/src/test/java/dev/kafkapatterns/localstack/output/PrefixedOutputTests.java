package dev.kafkapatterns.localstack.output;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixedOutputTests {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

	@Test
	void padsEveryNameToTheWidestRegisteredOne() {
		PrefixedOutput output = new PrefixedOutput(this.out, false);
		output.register("kafka", "fanout-notifications", "queue-worker-1");

		output.line("kafka", "Kafka Server started");
		output.line("fanout-notifications", "processed");
		output.launcher("queue-worker-2 started (pid 12345, http port 40123)");

		assertThat(lines()).containsExactly("kafka                | Kafka Server started",
				"fanout-notifications | processed",
				"local-stack          | queue-worker-2 started (pid 12345, http port 40123)");
	}

	@Test
	void printsABurstOfLinesEachWithItsPrefix() {
		PrefixedOutput output = new PrefixedOutput(this.out, false);
		output.register("fanout-audit");

		output.lines("kafka", List.of("one", "", "three"));

		assertThat(lines()).containsExactly("kafka        | one", "kafka        | ", "kafka        | three");
	}

	@Test
	void widensForANameLongerThanAnySeenBefore() {
		PrefixedOutput output = new PrefixedOutput(this.out, false);
		output.line("kafka", "one");
		output.line("a-much-longer-name", "two");
		output.line("kafka", "three");

		assertThat(lines()).containsExactly("kafka       | one", "a-much-longer-name | two", "kafka              | three");
	}

	@Test
	void plainLinesHaveNoPrefix() {
		PrefixedOutput output = new PrefixedOutput(this.out, true);
		output.plain("Stack ready in 1.0 s");

		assertThat(lines()).containsExactly("Stack ready in 1.0 s");
	}

	@Test
	void coloursEachNameDifferentlyAndOnlyThePrefix() {
		PrefixedOutput output = new PrefixedOutput(this.out, true);
		output.register("kafka", "producer-service");

		String kafka = output.format("kafka", "text");
		String producer = output.format("producer-service", "text");

		assertThat(kafka).startsWith("\u001B[").endsWith("\u001B[0m text").contains("kafka            |");
		assertThat(colourOf(kafka)).isNotEqualTo(colourOf(producer));
		assertThat(colourOf(output.format("kafka", "again"))).isEqualTo(colourOf(kafka));
	}

	@Test
	void noEscapeCodesWithoutColours() {
		PrefixedOutput output = new PrefixedOutput(this.out, false);

		assertThat(output.format("kafka", "text")).doesNotContain("\u001B");
	}

	@Test
	void linesFromManyThreadsStayWhole() throws InterruptedException {
		PrefixedOutput output = new PrefixedOutput(this.out, false);
		output.register("worker-0", "worker-1", "worker-2", "worker-3");
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String name = "worker-" + i;
			threads.add(new Thread(() -> {
				for (int line = 0; line < 500; line++) {
					output.line(name, "line " + line + " of " + name);
				}
			}));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(lines()).hasSize(2000)
			.allSatisfy((line) -> assertThat(line).matches("(worker-\\d) {4}\\| line \\d+ of \\1"));
	}

	private List<String> lines() {
		return this.bytes.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private static String colourOf(String line) {
		return line.substring(0, line.indexOf('m') + 1);
	}

}
