package dev.kafkapatterns.dashboard.publish;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.dashboard.DashboardTest;
import dev.kafkapatterns.dashboard.Http;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish endpoint's own answers: bad input gets a clear 4xx before anything is sent, and a
 * producer-service that does not answer gets a 503 in bounded time. (Here
 * {@code dashboard.producer-url} points at a port nothing listens on; publishing through the real
 * producer-service is a system test.)
 */
@DashboardTest
class PublishIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aCountOutsideOneToAThousandIsRefused() {
		for (int count : new int[] { 0, 1001 }) {
			HttpResponse<String> answer = Http.postJson(this.port, "/api/publish",
					"{\"type\":\"order.placed\",\"count\":" + count + "}");
			assertThat(answer.statusCode()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.body()).contains("\"field\":\"count\"").contains("Nothing was published");
		}
	}

	@Test
	void aPayloadThatIsNotAnObjectOrABodyThatIsNotJsonIsRefused() {
		for (String body : new String[] { "{\"type\":\"t\",\"count\":1,\"payload\":[1,2]}", "not json" }) {
			HttpResponse<String> answer = Http.postJson(this.port, "/api/publish", body);
			assertThat(answer.statusCode()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.body()).contains("payload must be a JSON object").doesNotContain("Exception");
		}
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
		String large = "{\"type\":\"t\",\"count\":1,\"payload\":{\"x\":\"" + "x".repeat(300 * 1024) + "\"}}";
		HttpResponse<String> answer = Http.postJson(this.port, "/api/publish", large);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aProducerServiceThatDoesNotAnswerGives503WithRetryAfter() {
		Instant start = Instant.now();
		HttpResponse<String> answer = Http.postJson(this.port, "/api/publish",
				"{\"type\":\"order.placed\",\"key\":\"c-1\",\"payload\":{},\"workMs\":10,\"count\":3}");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		assertThat(answer.body()).contains("The producer-service at http://127.0.0.1:9 did not answer")
			.doesNotContain("at java.");
	}

}
