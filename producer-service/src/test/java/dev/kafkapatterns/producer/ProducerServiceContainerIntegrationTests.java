package dev.kafkapatterns.producer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import tools.jackson.databind.JsonNode;

import dev.kafkapatterns.model.EventHeaders;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer-service against the same broker image docker-compose runs,
 * {@code apache/kafka:4.2.1}. Skipped, not failed, where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "app.instance-id=container-test")
class ProducerServiceContainerIntegrationTests {

	@Container
	@ServiceConnection
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");

	@LocalServerPort
	int port;

	@Test
	void publishesToTheBrokerImageComposeRuns() {
		ApiClient.Answer answer = new ApiClient(this.port).postJson("/api/events",
				"{\"type\":\"order.placed\",\"key\":\"customer-42\"}");

		assertThat(answer.status()).isEqualTo(202);
		JsonNode body = answer.json();
		try (EventsTopic events = new EventsTopic(kafka.getBootstrapServers(), "events")) {
			ConsumerRecord<String, String> record = events.read(body.get("partition").asInt(),
					body.get("offset").asLong());
			assertThat(record.key()).isEqualTo("customer-42");
			assertThat(new String(record.headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8))
				.isEqualTo(body.get("id").asString());
		}
	}

}
