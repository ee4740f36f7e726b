package dev.kafkapatterns.worker.jobs;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code worker.mode} is the mode named by {@link ConditionalOnWorkerMode}. The
 * properties are bound here as the application binds them, so the default stays in
 * {@link WorkerProperties}, and a value that is not a mode fails the start-up with Spring Boot's
 * message naming the property and the valid values.
 */
class OnWorkerModeCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnWorkerMode.class.getName());
		WorkerMode wanted = (WorkerMode) attributes.get("value");
		return Binder.get(context.getEnvironment()).bindOrCreate("worker", WorkerProperties.class).mode() == wanted;
	}

}
