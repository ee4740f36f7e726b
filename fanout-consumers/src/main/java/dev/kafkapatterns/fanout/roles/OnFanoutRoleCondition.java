package dev.kafkapatterns.fanout.roles;

import java.util.Map;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code fanout.role} includes the role named by {@link ConditionalOnFanoutRole}.
 * An invalid {@code fanout.role} fails the start-up with a message that lists the valid roles.
 */
class OnFanoutRoleCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnFanoutRole.class.getName());
		FanoutRole role = (FanoutRole) attributes.get("value");
		return FanoutRoles.of(context.getEnvironment()).contains(role);
	}

}
