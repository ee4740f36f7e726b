package dev.kafkapatterns.fanout.roles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Creates the annotated bean only when {@code fanout.role} includes the given role.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnFanoutRoleCondition.class)
public @interface ConditionalOnFanoutRole {

	/** The role the bean belongs to. */
	FanoutRole value();

}
