package dev.kafkapatterns.producer.publish;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.ProducerServiceApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no broker to acknowledge, a publish is answered 503 within {@code app.publish.ack-timeout},
 * with {@code Retry-After}, and never 202.
 */
class BrokerUnavailableIntegrationTests {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

	/** The answer may take the bound plus HTTP and scheduling overhead, not more. */
	private static final Duration BOUND = ACK_TIMEOUT.plusMillis(1500);

	@Test
	void brokerThatNeverAnsweredGives503WithinTheBound() throws IOException {
		try (ConfigurableApplicationContext app = start("localhost:" + closedPort())) {
			ApiClient api = new ApiClient(port(app));

			assertUnavailableWithinBound(api, "/api/events", "{\"type\":\"order.placed\"}");
			assertUnavailableWithinBound(api, "/api/events/batch", "[{\"type\":\"a\"},{\"type\":\"b\"}]");
			// With a key, the key cannot even be claimed: nothing is published either.
			assertUnavailableWithinBound(api, "/api/events", "{\"type\":\"order.placed\"}", "Idempotency-Key", "k-1");
			assertThat(api.get("/actuator/health").status()).isEqualTo(503);
		}
	}

	@Test
	void brokerThatGoesAwayGives503WithinTheBound() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		// Its own property, so as not to replace the address of the broker other tests share.
		broker.brokerListProperty("broker-unavailable-test.bootstrap-servers");
		broker.afterPropertiesSet();
		try (ConfigurableApplicationContext app = start(broker.getBrokersAsString())) {
			ApiClient api = new ApiClient(port(app));
			// The precondition: the broker is up and the topic has its leaders.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.postJson("/api/events", "{\"type\":\"order.placed\"}").status()).isEqualTo(202));

			broker.destroy();

			assertUnavailableWithinBound(api, "/api/events", "{\"type\":\"order.placed\"}");
		}
		finally {
			broker.destroy();
		}
	}

	private static void assertUnavailableWithinBound(ApiClient api, String path, String body, String... headers) {
		long started = System.nanoTime();
		Answer answer = api.post(path, body.getBytes(StandardCharsets.UTF_8), "application/json", headers);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(answer.status()).as(answer.body()).isEqualTo(503);
		assertThat(took).isLessThan(BOUND);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.retryAfter()).isEqualTo("5");
		assertThat(answer.json().get("detail").asString()).contains("did not acknowledge").contains("Idempotency-Key");
		assertThat(answer.body()).doesNotContain("Exception", "org.apache");
	}

	private static ConfigurableApplicationContext start(String bootstrapServers) {
		return new SpringApplicationBuilder(ProducerServiceApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--app.publish.ack-timeout=" + ACK_TIMEOUT,
				// Without a broker the topics cannot be created; this test wants the service up anyway.
				"--spring.kafka.admin.fail-fast=false", "--spring.kafka.admin.operation-timeout=2s",
				"--app.instance-id=unavailable-test");
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
