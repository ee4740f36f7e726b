package dev.kafkapatterns.producer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only health, info, metrics and prometheus are exposed; health shows its details only to an
 * authorized user, and info tells nothing about the machine.
 */
@ProducerServiceTest
class ActuatorIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUpWithoutDetailsForAnonymousCallers() {
		ApiClient.Answer health = new ApiClient(this.port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().has("components")).as(health.body()).isFalse();
		assertThat(health.body()).doesNotContain("clusterId", "brokers");
	}

	@Test
	void infoCarriesNoPathsOrJvmInternals() {
		ApiClient.Answer info = new ApiClient(this.port).get("/actuator/info");

		assertThat(info.status()).isEqualTo(200);
		assertThat(info.json().get("app").get("description").asString()).isNotBlank();
		assertThat(info.json().has("java")).isFalse();
		assertThat(info.json().has("os")).isFalse();
		assertThat(info.json().has("process")).isFalse();
		assertThat(info.body()).doesNotContain("/tmp", "/home", "/root", "jvm", "vendor");
	}

	@Test
	void publishedEventsAreCounted() {
		ApiClient api = new ApiClient(this.port);
		double before = acknowledgedCount(api);

		assertThat(api.postJson("/api/events", "{\"type\":\"metric.test\"}").status()).isEqualTo(202);

		assertThat(acknowledgedCount(api)).isEqualTo(before + 1);
		ApiClient.Answer timer = api.get("/actuator/metrics/events.publish?tag=outcome:acknowledged");
		assertThat(timer.status()).isEqualTo(200);
		assertThat(measurement(timer.json(), "COUNT")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void onlyTheSafeEndpointsAreExposed() {
		ApiClient api = new ApiClient(this.port);

		assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
		for (String hidden : new String[] { "env", "heapdump", "shutdown", "beans", "configprops", "threaddump",
				"loggers", "mappings" }) {
			assertThat(api.get("/actuator/" + hidden).status()).as(hidden).isEqualTo(404);
		}
	}

	private static double acknowledgedCount(ApiClient api) {
		ApiClient.Answer answer = api.get("/actuator/metrics/events.published?tag=outcome:acknowledged");
		return (answer.status() == 404) ? 0 : measurement(answer.json(), "COUNT");
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + metric);
	}

}
