package dev.kafkapatterns.bench.stack;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTests {

	@Test
	void quotesWhatAShellWouldSplitOrReadDifferently() {
		assertThat(ShellWords.join(List.of("-jar", "local-stack.jar", "--jvm-opts", "-Xss512k -Xmx256m", "it's", "")))
			.isEqualTo("-jar local-stack.jar --jvm-opts '-Xss512k -Xmx256m' 'it'\\''s' ''");
	}

	@Test
	void leavesPlainArgumentsAsTheyAre() {
		assertThat(ShellWords.join(List.of("--scenarios=baselines,latency", "--output", "/tmp/run-1", "--rate@2")))
			.isEqualTo("--scenarios=baselines,latency --output /tmp/run-1 --rate@2");
	}

	@Test
	void splitsArgumentsWithoutQuotesAtSpaces() {
		assertThat(ShellWords.split("  --workers 3\t--verbose ")).containsExactly("--workers", "3", "--verbose");
		assertThat(ShellWords.split("")).isEmpty();
	}

}
