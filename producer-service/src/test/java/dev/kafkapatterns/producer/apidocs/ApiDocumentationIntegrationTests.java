package dev.kafkapatterns.producer.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.ProducerServiceApplication;
import dev.kafkapatterns.producer.ProducerServiceTest;
import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes the contract the README gives: every path, method, status and
 * header, with the constraints of the validation in its schemas. Swagger UI loads it, and both can
 * be switched off.
 */
@ProducerServiceTest
class ApiDocumentationIntegrationTests {

	private static final List<String> PUBLISH_STATUSES = List.of("202", "400", "409", "413", "415", "422", "503");

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void documentDescribesEveryPathStatusAndHeader() {
		JsonNode api = apiDocs();

		assertThat(api.get("openapi").asString()).startsWith("3.1");
		for (String path : List.of("/api/events", "/api/events/batch")) {
			JsonNode post = api.get("paths").get(path).get("post");
			assertThat(names(post.get("responses"))).as(path).containsAll(PUBLISH_STATUSES);
			for (String status : PUBLISH_STATUSES.subList(1, PUBLISH_STATUSES.size())) {
				assertThat(post.get("responses").get(status).get("content").has("application/problem+json"))
					.as(path + " " + status).isTrue();
			}
			assertThat(post.get("responses").get("202").get("headers").has("Idempotent-Replayed")).isTrue();
			assertThat(post.get("responses").get("503").get("headers").has("Retry-After")).isTrue();
			JsonNode key = parameter(post, "Idempotency-Key");
			assertThat(key.get("in").asString()).isEqualTo("header");
			assertThat(key.get("schema").get("maxLength").asInt()).isEqualTo(255);
			assertThat(key.get("schema").get("pattern").asString()).isNotBlank();
		}
		assertThat(api.get("paths").get("/api/events").get("post").get("responses").get("202").get("headers").has("Location"))
			.isTrue();
		JsonNode status = api.get("paths").get("/api/events/{id}").get("get").get("responses");
		assertThat(names(status)).contains("200", "404");
		assertThat(status.get("404").get("content").has("application/problem+json")).isTrue();
	}

	@Test
	void schemasCarryTheConstraintsOfTheValidation() {
		JsonNode api = apiDocs();
		JsonNode request = api.get("components").get("schemas").get("PublishEventRequest").get("properties");

		assertThat(request.get("type").get("pattern").asString()).isEqualTo("[A-Za-z0-9._-]*");
		assertThat(request.get("type").get("maxLength").asInt()).isEqualTo(100);
		assertThat(request.get("key").get("maxLength").asInt()).isEqualTo(256);
		JsonNode batch = api.get("paths").get("/api/events/batch").get("post").get("requestBody").get("content")
			.get("application/json").get("schema");
		assertThat(batch.get("minItems").asInt()).isEqualTo(1);
		assertThat(batch.get("maxItems").asInt()).isEqualTo(1000);
		List<String> types = new ArrayList<>();
		api.get("components").get("schemas").get("Problem").get("properties").get("type").get("enum")
			.forEach((type) -> types.add(type.asString()));
		for (ProblemType type : ProblemType.values()) {
			assertThat(types).contains(type.type().toString());
		}
	}

	@Test
	void swaggerUiLoadsAndPointsAtTheDocument() {
		ApiClient api = new ApiClient(this.port);

		Answer entry = api.get("/swagger-ui.html");
		assertThat(entry.status()).isEqualTo(302);
		assertThat(entry.location()).contains("/swagger-ui/index.html");
		Answer page = api.get("/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		Answer config = api.get("/v3/api-docs/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
	}

	@Test
	void documentAndUiCanBeSwitchedOff() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProducerServiceApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + this.bootstrapServers,
				"--app.instance-id=no-api-docs", "--springdoc.api-docs.enabled=false",
				"--springdoc.swagger-ui.enabled=false")) {
			ApiClient api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());

			assertThat(api.get("/v3/api-docs").status()).isEqualTo(404);
			assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(404);
			assertThat(api.get("/actuator/health").status()).isEqualTo(200);
		}
	}

	private JsonNode apiDocs() {
		Answer answer = new ApiClient(this.port).get("/v3/api-docs");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			names.add(entry.getKey());
		}
		return names;
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.get("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("No parameter " + name + " in " + operation);
	}

}
