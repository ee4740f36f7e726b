package dev.kafkapatterns.bench.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer-service's REST API as the benchmark uses it: {@code POST /api/events} and
 * {@code POST /api/events/batch}, over HTTP/1.1 with kept-alive connections, as curl or wrk
 * would call it.
 *
 * <p>The client shares the two cores with the system it measures, so it has to be cheap, as wrk
 * is. Apache HttpClient's async client does every exchange on one I/O thread and hands nothing to
 * other threads; java.net.http's client, used before, cost this process about half a core at 1,000
 * requests/s even with its steps on its selector thread, and most of a core with its default
 * executor.
 */
public final class EventsApi implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(30);

	/** As many connections as requests may be in flight (the latency scenario's limit). */
	private static final int MAX_CONNECTIONS = 256;

	private static final int MAX_RETRIES = 5;

	private final MinimalHttpAsyncClient http;

	private final URI single;

	private final URI batch;

	public EventsApi(URI producerUrl) {
		this.single = producerUrl.resolve("/api/events");
		this.batch = producerUrl.resolve("/api/events/batch");
		// The minimal client: no redirects, cookies, authentication, compression or retries, none
		// of which this API uses, and a request that failed is counted as failed, not sent again
		// behind the benchmark's back. Its exchanges skip the classic client's execution chain.
		this.http = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
				IOReactorConfig.custom().setIoThreadCount(1).build(),
				PoolingAsyncClientConnectionManagerBuilder.create()
					.setMaxConnTotal(MAX_CONNECTIONS)
					.setMaxConnPerRoute(MAX_CONNECTIONS)
					.setDefaultConnectionConfig(ConnectionConfig.custom()
						.setConnectTimeout(Timeout.ofSeconds(5))
						.setSocketTimeout(RESPONSE_TIMEOUT)
						.build())
					.build());
		this.http.start();
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
	public CompletableFuture<Answer> sendAsync(Map<String, Object> event) {
		return execute(request(this.single, event));
	}

	/** Sends one event and waits for the answer, whatever it is. */
	public Answer send(Map<String, Object> event) throws IOException, InterruptedException {
		return await(sendAsync(event));
	}

	/** Sends a batch and waits for the answer, whatever it is. */
	public Answer sendBatch(List<Map<String, Object>> events) throws IOException, InterruptedException {
		return await(execute(request(this.batch, events)));
	}

	/**
	 * Publishes a batch and returns the accepted events, retrying a few times after a 503.
	 * @param events up to 1000 events
	 * @return id and partition of each, in order
	 * @throws IllegalStateException when the answer is not 202
	 */
	public List<Accepted> publishBatch(List<Map<String, Object>> events) throws InterruptedException {
		try {
			Answer response = sendBatch(events);
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

	@Override
	public void close() {
		this.http.close(CloseMode.GRACEFUL);
	}

	private static Accepted accepted(JsonNode result) {
		return new Accepted(result.get("id").asString(), result.get("partition").asInt());
	}

	private static SimpleHttpRequest request(URI uri, Object body) {
		return SimpleRequestBuilder.post(uri)
			.setBody(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON)
			.build();
	}

	private CompletableFuture<Answer> execute(SimpleHttpRequest request) {
		CompletableFuture<Answer> answer = new CompletableFuture<>();
		this.http.execute(request, new FutureCallback<SimpleHttpResponse>() {

			@Override
			public void completed(SimpleHttpResponse response) {
				answer.complete(new Answer(response.getCode(), response.getBodyText()));
			}

			@Override
			public void failed(Exception ex) {
				answer.completeExceptionally(ex);
			}

			@Override
			public void cancelled() {
				answer.cancel(false);
			}

		});
		return answer;
	}

	private static Answer await(CompletableFuture<Answer> answer) throws IOException, InterruptedException {
		try {
			return answer.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param statusCode its status
	 * @param body its body as text, empty when it had none
	 */
	public record Answer(int statusCode, String body) {

		public Answer {
			body = (body != null) ? body : "";
		}

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
