package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The publish endpoints answer through {@link AsyncAnswers} on a real Tomcat: once the publication
 * completes, on another thread and later than the handler returned, the answer is written without
 * an async dispatch of the request, in one piece with its length, and a failure or a timeout gets
 * the same problem answer MVC gives it. Only the web layer runs, with the publisher mocked, so that
 * each test decides how the publication ends; {@code EventPublishingIntegrationTests} and the others
 * publish to a broker.
 */
@SpringBootTest(classes = AsyncAnswersIntegrationTests.WebLayer.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		// No broker here: nothing may try to reach one.
		properties = { "spring.mvc.async.request-timeout=500ms", "management.health.kafka.enabled=false" })
class AsyncAnswersIntegrationTests {

	private static final Duration LATER = Duration.ofMillis(50);

	@MockitoBean
	PublishingService publishing;

	@Autowired
	AtomicInteger asyncDispatches;

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
		this.asyncDispatches.set(0);
	}

	@Test
	void acknowledgedEventIsAnsweredWithoutASecondDispatch() {
		PublishedEvent event = new PublishedEvent("id-1", "events", 3, 42, Instant.parse("2026-11-27T06:00:00.123Z"));
		given(this.publishing.publish(any(), any(), any())).willReturn(later(event, false));

		Answer answer = this.api.postJson("/api/events", "{\"type\":\"order.placed\"}");

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.contentType()).isEqualTo("application/json");
		assertThat(answer.location()).isEqualTo("/api/events/id-1");
		assertThat(answer.header("Content-Length"))
			.isEqualTo(Integer.toString(answer.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(answer.header("Transfer-Encoding")).isNull();
		assertThat(answer.header(EventController.REPLAYED)).isNull();
		assertThat(answer.body()).isEqualTo("{\"id\":\"id-1\",\"topic\":\"events\",\"partition\":3,\"offset\":42,"
				+ "\"timestamp\":\"2026-11-27T06:00:00.123Z\"}");
		assertThat(this.asyncDispatches).hasValue(0);
	}

	@Test
	void acknowledgedBatchIsAnsweredWithoutASecondDispatch() {
		PublishedEvent event = new PublishedEvent("id-2", "events", 0, 7, Instant.parse("2026-11-27T06:00:00Z"));
		given(this.publishing.publish(any(), any(), any())).willReturn(later(event, true));

		Answer answer = this.api.postJson("/api/events/batch", "[{\"type\":\"a\"}]");

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.location()).isNull();
		assertThat(answer.header(EventController.REPLAYED)).isEqualTo("true");
		JsonNode result = answer.json().get("results").get(0);
		assertThat(result.get("id").asString()).isEqualTo("id-2");
		assertThat(result.get("offset").asLong()).isEqualTo(7);
		assertThat(this.asyncDispatches).hasValue(0);
	}

	@Test
	void brokerThatDidNotAcknowledgeGetsTheProblemMvcWrites() {
		given(this.publishing.publish(any(), any(), any())).willReturn(failingLater(
				new BrokerUnavailableException(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(7), true)));

		Answer answer = this.api.postJson("/api/events", "{\"type\":\"order.placed\"}");

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.retryAfter()).isEqualTo("7");
		assertThat(answer.json().get("type").asString()).isEqualTo(ProblemType.BROKER_UNAVAILABLE.type().toString());
		assertThat(answer.json().get("instance").asString()).isEqualTo("/api/events");
		assertThat(this.asyncDispatches).hasValue(0);
	}

	@Test
	void unexpectedFailureIsA500ThatNamesNothingInternal() {
		given(this.publishing.publish(any(), any(), any()))
			.willReturn(failingLater(new IllegalStateException("dev.kafkapatterns secret")));

		Answer answer = this.api.postJson("/api/events/batch", "[{\"type\":\"a\"}]");

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.json().get("type").asString()).isEqualTo(ProblemType.INTERNAL_ERROR.type().toString());
		assertThat(answer.body()).doesNotContain("secret", "IllegalStateException", "\tat ");
	}

	@Test
	void publicationThatNeverEndsIsAnswered503AfterTheAsyncTimeout() {
		given(this.publishing.publish(any(), any(), any())).willReturn(new CompletableFuture<>());
		long started = System.nanoTime();

		Answer answer = this.api.postJson("/api/events", "{\"type\":\"order.placed\"}");

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
	}

	private static CompletableFuture<PublishingService.Publication> later(PublishedEvent event, boolean replayed) {
		return CompletableFuture.supplyAsync(() -> new PublishingService.Publication(List.of(event), replayed),
				CompletableFuture.delayedExecutor(LATER.toMillis(), TimeUnit.MILLISECONDS));
	}

	private static CompletableFuture<PublishingService.Publication> failingLater(RuntimeException failure) {
		return CompletableFuture.supplyAsync(() -> {
			throw failure;
		}, CompletableFuture.delayedExecutor(LATER.toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * The publish endpoints, the web package (problem answers, body limit) and MVC on Tomcat; no
	 * broker, and not the application. A plain configuration: a {@code @TestConfiguration} would
	 * only be added to the application, which needs a broker, and a
	 * {@code @SpringBootConfiguration} would be found by the other tests of this package in place of
	 * the application. Nested in a test class, the application's component scan skips it.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@ComponentScan(basePackages = "dev.kafkapatterns.producer.web")
	@Import({ EventController.class, EventRequests.class, AsyncAnswers.class })
	@EnableConfigurationProperties(PublishProperties.class)
	static class WebLayer {

		@Bean
		AtomicInteger asyncDispatches() {
			return new AtomicInteger();
		}

		/** Counts the dispatches MVC makes to answer a returned future; none is wanted. */
		@Bean
		FilterRegistrationBean<Filter> asyncDispatchCounter(AtomicInteger asyncDispatches) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				asyncDispatches.incrementAndGet();
				chain.doFilter(request, response);
			});
			registration.addUrlPatterns("/api/*");
			registration.setDispatcherTypes(DispatcherType.ASYNC);
			return registration;
		}

	}

}
