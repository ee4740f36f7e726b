package dev.kafkapatterns.producer.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.BadRequests;
import dev.kafkapatterns.producer.BadRequests.BadRequest;
import dev.kafkapatterns.producer.EventsTopic;
import dev.kafkapatterns.producer.ProducerServiceTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests of every kind ({@link BadRequests}) sent as raw bytes to the real server. Each
 * gets a 4xx {@code application/problem+json} answer that names the problem, none a 5xx, none a
 * stack trace or an internal class name, and reading the topic afterwards proves that nothing was
 * published. {@code PublishRequestValidationTests} checks the same answers in a fast slice.
 */
@ProducerServiceTest
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private EventsTopic events;

	private long sizeBefore;

	@BeforeAll
	void recordTopicSize() {
		this.events = new EventsTopic(this.bootstrapServers, "events");
		this.sizeBefore = this.events.size();
	}

	@AfterAll
	void closeTopic() {
		this.events.close();
	}

	@Order(1)
	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.kafkapatterns.producer.BadRequests#all")
	void badRequestGetsAProblemThatNamesIt(BadRequest request) {
		Answer answer = new ApiClient(this.port).post(request.path(), request.body(), request.contentType(),
				request.headers());

		assertThat(answer.status()).as(answer.body()).isEqualTo(request.expectedStatus());
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).contains(request.expectedMention());
		assertThat(answer.json().get("status").asInt()).isEqualTo(request.expectedStatus());
		assertThat(answer.json().get("detail").asString()).isNotBlank();
		assertThat(answer.body()).doesNotContain("Exception", "dev.kafkapatterns", "java.", "tools.jackson", "\tat ");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void nothingWasPublished() {
		assertThat(BadRequests.all().count()).isGreaterThanOrEqualTo(30);
		assertThat(this.events.size()).isEqualTo(this.sizeBefore);
	}

}
