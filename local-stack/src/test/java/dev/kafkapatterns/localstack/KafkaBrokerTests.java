package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

	@TempDir
	Path directory;

	@Test
	void runsTheProductionServerClassWithItsOwnLoggingConfiguration() {
		KafkaBroker broker = broker();

		assertThat(broker.serverCommand()).containsExactly("/jdk/bin/java", "-XX:+UseSerialGC", "-Xmx384m",
				"-Dlogback.configurationFile=local-stack-kafka-logback.xml", "-cp", "/launcher/local-stack.jar",
				"kafka.Kafka", this.directory.resolve("run/server.properties").toAbsolutePath().toString());
		assertThat(broker.bootstrapServers()).isEqualTo("localhost:19092");
	}

	@Test
	void theLoggingConfigurationIsOnTheClassPath() {
		assertThat(getClass().getClassLoader().getResource(KafkaBroker.LOGBACK_CONFIGURATION)).isNotNull();
	}

	@Test
	void aRestartKeepsTheFormattedStorage() throws IOException, InterruptedException {
		Path data = Files.createDirectories(this.directory.resolve("data"));
		Files.writeString(data.resolve("meta.properties"), "cluster.id=kept\n");
		KafkaBroker broker = broker();

		// The java executable does not exist: formatting would fail, so it must not happen.
		assertThat(broker.prepare()).isEmpty();
		assertThat(this.directory.resolve("run/server.properties")).content().contains("listeners=PLAINTEXT://localhost:19092");
		assertThat(data.resolve("meta.properties")).hasContent("cluster.id=kept");
	}

	private KafkaBroker broker() {
		return new KafkaBroker(Path.of("/jdk/bin/java"), "/launcher/local-stack.jar", List.of("-XX:+UseSerialGC", "-Xmx384m"),
				19092, 19093, this.directory.resolve("data"), this.directory.resolve("run/server.properties"));
	}

}
