package dev.kafkapatterns.bench.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer-service's REST API as the benchmark uses it: {@code POST /api/events} and
 * {@code POST /api/events/batch}, over HTTP/1.1 with kept-alive connections, as curl or wrk
 * would call it.
 */
public final class EventsApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_RETRIES = 5;

	/**
	 * The client runs its own work and the answers' callbacks on its selector thread
	 * ({@code executor(Runnable::run)}); none of them blocks. Its default executor handed every
	 * step of every exchange to another thread, and at 1,000 requests/s those hand-offs cost this
	 * process about as much CPU as the producer-service spent answering, on the same two cores.
	 */
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Runnable::run)
		.build();

	private final URI single;

	private final URI batch;

	public EventsApi(URI producerUrl) {
		this.single = producerUrl.resolve("/api/events");
		this.batch = producerUrl.resolve("/api/events/batch");
	}

	/**
	 * An event as the API takes it.
	 * @param type its type
	 * @param key its key
	 * @param payload its payload
	 * @return the JSON object
	 */
	public static Map<String, Object> event(String type, String key, Map<String, Object> payload) {
		return Map.of("type", type, "key", key, "payload", payload);
	}

	/** Sends one event; the answer may be anything. */
	public CompletableFuture<HttpResponse<String>> sendAsync(Map<String, Object> event) {
		return this.http.sendAsync(request(this.single, event), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends one event and waits for the answer, whatever it is. */
	public HttpResponse<String> send(Map<String, Object> event) throws IOException, InterruptedException {
		return this.http.send(request(this.single, event), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends a batch and waits for the answer, whatever it is. */
	public HttpResponse<String> sendBatch(List<Map<String, Object>> events) throws IOException, InterruptedException {
		return this.http.send(request(this.batch, events), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Publishes a batch and returns the accepted events, retrying a few times after a 503.
	 * @param events up to 1000 events
	 * @return id and partition of each, in order
	 * @throws IllegalStateException when the answer is not 202
	 */
	public List<Accepted> publishBatch(List<Map<String, Object>> events) throws InterruptedException {
		try {
			HttpResponse<String> response = sendBatch(events);
			// 503: the broker did not acknowledge in time (an overloaded machine); the API asks for a retry.
			for (int retry = 1; response.statusCode() == 503 && retry <= MAX_RETRIES; retry++) {
				Thread.sleep(1000L * retry);
				response = sendBatch(events);
			}
			if (response.statusCode() != 202) {
				throw new IllegalStateException("POST /api/events/batch answered " + response.statusCode() + ": "
						+ response.body());
			}
			List<Accepted> accepted = new ArrayList<>(events.size());
			JSON.readTree(response.body()).get("results").forEach((result) -> accepted.add(accepted(result)));
			return accepted;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("POST /api/events/batch failed", ex);
		}
	}

	/**
	 * Reads the answer to a single event.
	 * @param body a 202 answer's body
	 * @return the accepted event
	 */
	public static Accepted accepted(String body) {
		return accepted(JSON.readTree(body));
	}

	private static Accepted accepted(JsonNode result) {
		return new Accepted(result.get("id").asString(), result.get("partition").asInt());
	}

	private static HttpRequest request(URI uri, Object body) {
		return HttpRequest.newBuilder(uri)
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build();
	}

	/**
	 * Where the broker put an accepted event.
	 *
	 * @param id the event id
	 * @param partition its partition of the {@code events} topic
	 */
	public record Accepted(String id, int partition) {
	}

}
