package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.producer.BadRequests.BadRequest;
import dev.kafkapatterns.producer.problem.ProblemType;
import dev.kafkapatterns.support.demo.DemoProperties;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The HTTP contract's validation, in a web slice with the publisher mocked: every bad request of
 * {@link dev.kafkapatterns.producer.BadRequests} gets its 4xx problem, with a stable type, a
 * detail that names the problem and no internals, and the publisher is never called.
 * {@code HostileInputIntegrationTests} sends the same requests to a real broker.
 */
@WebMvcTest(controllers = EventController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "dev\\.kafkapatterns\\.producer\\.web\\..*", "dev\\.kafkapatterns\\.producer\\.publish\\.(EventRequests|AsyncAnswers)" }))
@EnableConfigurationProperties({ PublishProperties.class, DemoProperties.class, TopicsProperties.class })
class PublishRequestValidationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PublishingService publisher;

	@Test
	void brokerUnavailableIs503WithRetryAfter() throws Exception {
		given(this.publisher.publish(any(), any(), any()))
			.willThrow(new BrokerUnavailableException(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(7), true));

		MockHttpServletResponse response = this.mvc
			.perform(post("/api/events").contentType("application/json").header("Idempotency-Key", "k").content("{\"type\":\"a\"}"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(response.getContentAsString()).contains("/problems/broker-unavailable", "Nothing was published");
	}

	@Test
	void demoFieldsArePlainDataWhenTheDemoIsOff() throws Exception {
		given(this.publisher.publish(any(), any(), any())).willReturn(CompletableFuture.completedFuture(
				new PublishingService.Publication(List.of(new PublishedEvent("id-1", "events", 0, 0, Instant.now())), false)));

		MockHttpServletResponse response = this.mvc
			.perform(post("/api/events/batch").contentType("application/json")
				.content("[{\"type\":\"a\",\"payload\":{\"workMs\":3600000,\"failFor\":\"all\"}}]"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(202);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.kafkapatterns.producer.BadRequests#all")
	void badRequestGetsAProblemThatNamesIt(BadRequest request) throws Exception {
		MockHttpServletRequestBuilder post = post(request.path()).content(request.body());
		if (request.contentType() != null) {
			post.header(HttpHeaders.CONTENT_TYPE, request.contentType());
		}
		for (int i = 0; i + 1 < request.headers().length; i += 2) {
			post.header(request.headers()[i], request.headers()[i + 1]);
		}
		MockHttpServletResponse response = this.mvc.perform(post).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);

		assertThat(response.getStatus()).as(body).isEqualTo(request.expectedStatus());
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(body).contains(request.expectedMention());
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.get("status").asInt()).isEqualTo(request.expectedStatus());
		assertThat(problem.get("type").asString()).startsWith(ProblemType.BASE_URI);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(body).doesNotContain("Exception", "dev.kafkapatterns", "java.", "tools.jackson", "\tat ");
		verifyNoInteractions(this.publisher);
	}

}
