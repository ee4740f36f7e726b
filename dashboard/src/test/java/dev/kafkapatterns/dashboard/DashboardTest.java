package dev.kafkapatterns.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The dashboard on a random port, against a real in-process KRaft broker with the system's three
 * topics. Test classes with this annotation share one application context and one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app.instance-id=dashboard-test", "dashboard.producer-url=http://127.0.0.1:9",
				"dashboard.stream.max-clients=5", "dashboard.stream.slow-client-timeout=2s" })
@EmbeddedKafka(partitions = 6, topics = { "events", "event-receipts", "events.DLT" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = { "auto.create.topics.enable=false", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1" })
public @interface DashboardTest {

}
