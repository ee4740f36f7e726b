package dev.kafkapatterns.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the API, so that tests send exactly the bytes and headers they mean,
 * hostile ones included.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	public Answer postJson(String path, String body) {
		return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json");
	}

	public Answer post(String path, byte[] body, String contentType, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	public Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param contentType the content type, or empty
	 * @param location the {@code Location} header, or {@code null}
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @param body the body
	 * @param headers every header
	 */
	public record Answer(int status, String contentType, String location, String retryAfter, String body,
			java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The first value of a header, or {@code null}. */
		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
