package dev.kafkapatterns.producer.publish;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

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

	/** Three times the 16 request threads that were tried (README, "How fast"). */
	private static final int BURST = 48;

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
		withBrokerThatGoesAway((api) -> assertUnavailableWithinBound(api, "/api/events", "{\"type\":\"order.placed\"}"));
	}

	/**
	 * Many requests at once, half of them with an {@code Idempotency-Key}: none may wait for another
	 * to give up before it gets its own answer. Each holds a request thread while the broker is away:
	 * the claim waits for the key topic, and a send waits for the topic's metadata, which the
	 * producer drops when the broker shuts down. So this fails with a request pool smaller than the
	 * burst (it did with {@code server.tomcat.threads.max=16}).
	 */
	@Test
	void aBurstWhileTheBrokerIsAwayIsAnsweredWithinTheBoundToo() {
		withBrokerThatGoesAway((api) -> {
			List<CompletableFuture<Void>> answers = new ArrayList<>();
			ExecutorService clients = Executors.newFixedThreadPool(BURST);
			try {
				for (int i = 0; i < BURST; i++) {
					String[] key = (i % 2 == 0) ? new String[] { "Idempotency-Key", "burst-" + i } : new String[0];
					answers.add(CompletableFuture.runAsync(
							() -> assertUnavailableWithinBound(api, "/api/events", "{\"type\":\"order.placed\"}", key),
							clients));
				}
				CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
			}
			finally {
				clients.shutdownNow();
			}
		});
	}

	/** Starts the service on a broker of its own, checks that it publishes, stops the broker, then runs the checks. */
	private static void withBrokerThatGoesAway(Consumer<ApiClient> checks) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		// Its own property, so as not to replace the address of the broker other tests share.
		broker.brokerListProperty("broker-unavailable-test.bootstrap-servers");
		broker.afterPropertiesSet();
		try (ConfigurableApplicationContext app = start(broker.getBrokersAsString())) {
			ApiClient api = new ApiClient(port(app));
			// The precondition: the broker is up and both topics have their leaders.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.postJson("/api/events", "{\"type\":\"order.placed\"}").status()).isEqualTo(202));
			assertThat(api.post("/api/events", "{\"type\":\"order.placed\"}".getBytes(StandardCharsets.UTF_8),
					"application/json", "Idempotency-Key", "before").status()).isEqualTo(202);

			broker.destroy();

			checks.accept(api);
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
