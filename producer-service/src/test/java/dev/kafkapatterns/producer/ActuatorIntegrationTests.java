package dev.kafkapatterns.producer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only health, info, metrics and prometheus are exposed, and health includes Kafka.
 */
@ProducerServiceTest
class ActuatorIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthReportsKafka() {
		ApiClient.Answer health = new ApiClient(this.port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").get("kafka").get("details").get("brokers").asInt()).isEqualTo(1);
	}

	@Test
	void onlyTheSafeEndpointsAreExposed() {
		ApiClient api = new ApiClient(this.port);

		assertThat(api.get("/actuator/info").status()).isEqualTo(200);
		assertThat(api.get("/actuator/metrics/events.published").status()).isIn(200, 404);
		assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
		for (String hidden : new String[] { "env", "heapdump", "shutdown", "beans", "configprops", "threaddump",
				"loggers", "mappings" }) {
			assertThat(api.get("/actuator/" + hidden).status()).as(hidden).isEqualTo(404);
		}
	}

}
