package dev.kafkapatterns.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.support.demo.DemoProperties;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With the demo's levers on ({@code app.demo.enabled}), one request may not ask the workers for
 * more simulated work than {@code app.demo.max-batch-work} in total.
 */
@WebMvcTest(controllers = EventController.class,
		properties = { "app.demo.enabled=true", "app.demo.max-batch-work=10s" },
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "dev\\.kafkapatterns\\.producer\\.web\\..*", "dev\\.kafkapatterns\\.producer\\.publish\\.(EventRequests|AsyncAnswers)" }))
@EnableConfigurationProperties({ PublishProperties.class, DemoProperties.class, TopicsProperties.class })
class DemoLeversTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PublishingService publishing;

	@Test
	void batchAskingForMoreWorkThanTheLimitIsRefused() throws Exception {
		// 1000 events of 11 ms each: 11 s of work in one request.
		String batch = "[" + String.join(",", Collections.nCopies(1000, "{\"type\":\"job\",\"payload\":{\"workMs\":11}}")) + "]";

		MockHttpServletResponse response = this.mvc
			.perform(post("/api/events/batch").contentType("application/json").content(batch))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("payload.workMs", "11000 ms",
				"at most 10000 ms", "app.demo.max-batch-work");
		verifyNoInteractions(this.publishing);
	}

	@Test
	void singleEventAskingForTooMuchWorkIsRefused() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/events").contentType("application/json")
				.content("{\"type\":\"job\",\"payload\":{\"workMs\":3600000}}"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		verifyNoInteractions(this.publishing);
	}

	@Test
	void batchWithinTheLimitIsPublished() throws Exception {
		given(this.publishing.publish(any(), any(), any())).willReturn(CompletableFuture.completedFuture(
				new PublishingService.Publication(List.of(new PublishedEvent("id-1", "events", 0, 0, Instant.now())), false)));
		String batch = "[" + String.join(",", Collections.nCopies(1000, "{\"type\":\"job\",\"payload\":{\"workMs\":10}}")) + "]";

		MockHttpServletResponse response = this.mvc
			.perform(post("/api/events/batch").contentType("application/json").content(batch))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(202);
	}

}
