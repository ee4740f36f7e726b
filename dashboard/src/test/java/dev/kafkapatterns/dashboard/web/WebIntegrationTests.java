package dev.kafkapatterns.dashboard.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.dashboard.DashboardTest;
import dev.kafkapatterns.dashboard.Http;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's protections, the OpenAPI document and the actuator, over HTTP.
 */
@DashboardTest
class WebIntegrationTests {

	private static final Pattern SCRIPT_TAG = Pattern.compile("<script([^>]*)>(.*?)</script>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyAnswerForbidsInlineScript() {
		for (String path : List.of("/", "/index.html", "/dashboard.js", "/api/deliveries", "/api/groups/history",
				"/v3/api-docs", "/no-such-page")) {
			HttpResponse<String> answer = Http.get(this.port, path);
			String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow(
					() -> new AssertionError("no Content-Security-Policy on " + path));
			assertThat(directive(policy, "script-src")).as(path).isEqualTo("script-src 'self'");
			assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		HttpResponse<String> swagger = Http.get(this.port, "/swagger-ui/index.html");
		assertThat(directive(swagger.headers().firstValue("Content-Security-Policy").orElseThrow(), "script-src"))
			.isEqualTo("script-src 'self'");
	}

	@Test
	void thePageHasNoInlineScriptAndTheScriptNeverWritesMarkup() throws IOException {
		HttpResponse<String> page = Http.get(this.port, "/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Live deliveries", "Groups", "Publish", "Fanout", "Queue");
		Matcher scripts = SCRIPT_TAG.matcher(page.body());
		int count = 0;
		while (scripts.find()) {
			count++;
			assertThat(scripts.group(1)).contains("src=");
			assertThat(scripts.group(2)).isBlank();
		}
		assertThat(count).isEqualTo(1);
		assertThat(page.body()).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("javascript:");

		String script = Http.get(this.port, "/dashboard.js").body();
		assertThat(script).isEqualTo(Files.readString(Path.of("src/main/resources/static/dashboard.js")));
		assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
				"new Function");
	}

	@Test
	void theApiIsDescribedByOpenApiAndSwaggerUi() {
		HttpResponse<String> docs = Http.get(this.port, "/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode openApi = this.json.readTree(docs.body());
		assertThat(openApi.get("openapi").asString()).startsWith("3.1");
		JsonNode paths = openApi.get("paths");
		assertThat(paths.propertyNames()).containsExactlyInAnyOrder("/api/groups", "/api/groups/history", "/api/stream",
				"/api/deliveries", "/api/publish");
		assertThat(paths.get("/api/stream").get("get").get("responses").get("200").get("content").has("text/event-stream"))
			.isTrue();
		assertThat(paths.get("/api/groups").get("get").get("responses").has("503")).isTrue();
		assertThat(paths.get("/api/publish").get("post").get("responses").propertyNames()).contains("202", "400", "503");
		JsonNode count = openApi.get("components").get("schemas").get("PublishRequest").get("properties").get("count");
		assertThat(count.get("minimum").asInt()).isEqualTo(1);
		assertThat(count.get("maximum").asInt()).isEqualTo(1000);

		HttpResponse<String> ui = Http.get(this.port, "/swagger-ui/index.html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(Http.get(this.port, "/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
		assertThat(Http.get(this.port, "/swagger-ui.html").statusCode()).isIn(200, 302);
	}

	@Test
	void actuatorShowsHealthWithKafkaInfoMetricsAndPrometheusOnly() {
		JsonNode links = this.json.readTree(Http.get(this.port, "/actuator").body()).get("_links");
		assertThat(links.propertyNames()).filteredOn((name) -> !name.startsWith("health") && !name.startsWith("metrics")
				&& !name.equals("self"))
			.containsExactlyInAnyOrder("info", "prometheus");
		JsonNode health = this.json.readTree(Http.get(this.port, "/actuator/health").body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
		assertThat(Http.get(this.port, "/actuator/prometheus").body()).contains("dashboard_stream_clients");
	}

	private static String directive(String policy, String name) {
		for (String directive : policy.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		return null;
	}

}
