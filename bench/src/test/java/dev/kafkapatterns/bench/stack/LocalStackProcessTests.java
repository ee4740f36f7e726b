package dev.kafkapatterns.bench.stack;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackProcessTests {

	@Test
	void quotesAnArgumentWithSpacesInTheCommandLineItWrites() {
		assertThat(LocalStackProcess.commandLine(List.of("-jar", "local-stack.jar", "--jvm-opts", "-Xss512k -Xmx256m")))
			.isEqualTo("-jar local-stack.jar --jvm-opts '-Xss512k -Xmx256m'");
	}

}
