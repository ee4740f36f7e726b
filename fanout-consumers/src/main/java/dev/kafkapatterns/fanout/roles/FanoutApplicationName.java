package dev.kafkapatterns.fanout.roles;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names the process after the roles it runs, unless {@code spring.application.name} is set:
 * {@code fanout-audit} for one role, {@code fanout-audit-monitoring} for a list, {@code fanout-all}
 * for every role. The name goes into the metrics tag {@code application} and the client id of
 * the receipts producer, where a raw list ({@code fanout-audit,monitoring}) would read oddly.
 */
class FanoutApplicationName implements EnvironmentPostProcessor {

	private static final String PROPERTY = "spring.application.name";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(PROPERTY)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("fanoutApplicationName", Map.of(PROPERTY, nameFor(environment))));
	}

	static String nameFor(ConfigurableEnvironment environment) {
		Set<FanoutRole> roles = FanoutRoles.of(environment);
		if (roles.size() == FanoutRole.values().length) {
			return "fanout-" + FanoutRoles.ALL;
		}
		return roles.stream().map(FanoutRole::roleName).collect(Collectors.joining("-", "fanout-", ""));
	}

}
