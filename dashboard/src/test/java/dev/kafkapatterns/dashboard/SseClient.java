package dev.kafkapatterns.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Reads {@code GET /api/stream} the way a browser's {@code EventSource} does, keeping every
 * message it received with the time it arrived.
 */
public final class SseClient implements AutoCloseable {

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	public SseClient(int port) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofMinutes(5))
			.build();
		this.response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.response.thenAcceptAsync((answer) -> read(answer.body()));
	}

	private void read(Stream<String> lines) {
		String[] event = { null };
		StringBuilder data = new StringBuilder();
		lines.forEach((line) -> {
			if (line.startsWith("event:")) {
				event[0] = line.substring("event:".length()).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring("data:".length()));
			}
			else if (line.isEmpty() && event[0] != null) {
				this.messages.add(new Message(event[0], data.toString(), Instant.now()));
				event[0] = null;
				data.setLength(0);
			}
		});
	}

	/**
	 * The answer's status, once it arrived.
	 * @return the status
	 */
	public int status() {
		return this.response.join().statusCode();
	}

	/**
	 * Every message so far.
	 * @return the messages in the order they arrived
	 */
	public List<Message> messages() {
		return List.copyOf(this.messages);
	}

	/**
	 * The messages of one name.
	 * @param name for example {@code deliveries}
	 * @return those messages
	 */
	public List<Message> messages(String name) {
		return this.messages.stream().filter((message) -> message.name().equals(name)).toList();
	}

	@Override
	public void close() {
		this.response.cancel(true);
		this.response.thenAccept((answer) -> answer.body().close());
	}

	/**
	 * One Server-Sent Event.
	 *
	 * @param name its {@code event:} name
	 * @param data its {@code data:}
	 * @param receivedAt when it arrived
	 */
	public record Message(String name, String data, Instant receivedAt) {
	}

}
