package dev.kafkapatterns.support.instance;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdEnvironmentPostProcessorTests {

	private final InstanceIdEnvironmentPostProcessor postProcessor = new InstanceIdEnvironmentPostProcessor();

	@Test
	void withoutAConfiguredIdEachProcessGetsItsHostAndPid() {
		StandardEnvironment environment = new StandardEnvironment();

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("app.instance-id")).endsWith("-" + ProcessHandle.current().pid())
			.doesNotStartWith("-");
	}

	@Test
	void aConfiguredIdIsKept() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("app.instance-id", "queue-worker-2")));

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("app.instance-id")).isEqualTo("queue-worker-2");
	}

}
