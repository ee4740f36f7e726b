package dev.kafkapatterns.worker;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A {@code worker.mode} that is neither {@code group} nor {@code share} stops the worker before it
 * touches Kafka, with a message that names the property and the values it takes.
 */
class WorkerModeTests {

	@Test
	void anUnknownModeStopsTheStartUpNamingThePropertyAndTheModes() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(QueueWorkerApplication.class)
				.run("--server.port=0", "--worker.mode=queue", "--spring.kafka.bootstrap-servers=localhost:1")
				.close())
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(describe(ex)).contains("worker.mode")
				.contains("queue"));
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append('\n');
		}
		return text.toString();
	}

}
