package dev.kafkapatterns.worker.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Creates the annotated bean only in the given {@code worker.mode}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnWorkerModeCondition.class)
public @interface ConditionalOnWorkerMode {

	/** The mode the bean belongs to. */
	WorkerMode value();

}
