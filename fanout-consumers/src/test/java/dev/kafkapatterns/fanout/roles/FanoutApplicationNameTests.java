package dev.kafkapatterns.fanout.roles;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class FanoutApplicationNameTests {

	@Test
	void theProcessIsNamedAfterItsRolesWithoutCommas() {
		assertThat(nameFor(Map.of("fanout.role", "audit"))).isEqualTo("fanout-audit");
		assertThat(nameFor(Map.of("fanout.role", "monitoring, audit"))).isEqualTo("fanout-audit-monitoring");
		assertThat(nameFor(Map.of("fanout.role", "audit,notifications,monitoring"))).isEqualTo("fanout-all");
		assertThat(nameFor(Map.of())).isEqualTo("fanout-all");
	}

	@Test
	void aConfiguredNameWins() {
		assertThat(nameFor(Map.of("fanout.role", "audit", "spring.application.name", "audit-eu"))).isEqualTo("audit-eu");
	}

	private static String nameFor(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new FanoutApplicationName().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("spring.application.name");
	}

}
