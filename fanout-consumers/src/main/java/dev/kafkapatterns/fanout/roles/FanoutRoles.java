package dev.kafkapatterns.fanout.roles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

/**
 * Parses {@code fanout.role}: one role, a comma-separated list, or {@code all}.
 */
public final class FanoutRoles {

	/** The property that picks the roles. */
	public static final String PROPERTY = "fanout.role";

	/** Every role, in one process: the default, for a light local run. */
	public static final String ALL = "all";

	private FanoutRoles() {
	}

	/**
	 * Parses the value of {@code fanout.role}.
	 * @param value the value, for example {@code audit} or {@code audit,monitoring} or {@code all}
	 * @return the roles, never empty
	 * @throws IllegalArgumentException for an empty value or an unknown role, naming the valid ones
	 */
	public static Set<FanoutRole> parse(String value) {
		if (value == null || value.isBlank()) {
			throw invalid(value);
		}
		if (value.strip().equalsIgnoreCase(ALL)) {
			return EnumSet.allOf(FanoutRole.class);
		}
		Set<FanoutRole> roles = EnumSet.noneOf(FanoutRole.class);
		for (String name : value.split(",")) {
			String wanted = name.strip().toLowerCase(Locale.ROOT);
			roles.add(Arrays.stream(FanoutRole.values())
				.filter((role) -> role.roleName().equals(wanted))
				.findFirst()
				.orElseThrow(() -> invalid(value)));
		}
		return roles;
	}

	/**
	 * The roles {@code fanout.role} picks in an environment, {@code all} when it is not set.
	 * @param environment the environment
	 * @return the roles
	 */
	public static Set<FanoutRole> of(Environment environment) {
		return parse(environment.getProperty(PROPERTY, ALL));
	}

	private static IllegalArgumentException invalid(String value) {
		String valid = Arrays.stream(FanoutRole.values()).map(FanoutRole::roleName).collect(Collectors.joining(", "));
		return new IllegalArgumentException(PROPERTY + " (FANOUT_ROLE) must be one of " + valid
				+ ", a comma-separated list of them, or all; it was '" + value + "'");
	}

}
