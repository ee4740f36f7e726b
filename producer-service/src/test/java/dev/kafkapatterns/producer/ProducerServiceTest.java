package dev.kafkapatterns.producer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The producer-service on a random port, against a real in-process KRaft broker. Test classes
 * with this annotation share one application context and one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "app.instance-id=producer-test",
		// Small enough that an event within the body limit can be too large for the producer.
		"spring.kafka.producer.properties.max.request.size=150000" })
@EmbeddedKafka(partitions = 6, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = "auto.create.topics.enable=false")
public @interface ProducerServiceTest {

}
