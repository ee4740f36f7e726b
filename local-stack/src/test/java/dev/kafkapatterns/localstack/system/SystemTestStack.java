package dev.kafkapatterns.localstack.system;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.localstack.LocalStackOptions;
import dev.kafkapatterns.localstack.ServiceState;
import dev.kafkapatterns.localstack.ServiceStatus;
import dev.kafkapatterns.localstack.WorkerMode;
import dev.kafkapatterns.support.testing.ReceiptLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system as real processes, started from the built jars by {@link LocalStack} on free
 * ports, with a client for its REST API. The children's prefixed logs go to
 * {@code target/system-tests/<name>.log}.
 */
final class SystemTestStack implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The stack that test classes share, see {@link #shared(int)}. */
	private static SystemTestStack shared;

	private final LocalStack stack;

	private final PrintStream log;

	private final Path logFile;

	private ReceiptLog receipts;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SystemTestStack(LocalStack stack, PrintStream log, Path logFile) {
		this.stack = stack;
		this.log = log;
		this.logFile = logFile;
	}

	/**
	 * Starts the stack and waits until every process is healthy. The shared stack, if it runs,
	 * stops first: two stacks at once would share the cores and slow both.
	 * @param name names the log file
	 * @param workers the number of queue workers
	 * @return the running stack
	 */
	static SystemTestStack start(String name, int workers) throws InterruptedException {
		return start(name, workers, WorkerMode.GROUP);
	}

	/**
	 * Starts the stack with the workers in the given mode and waits until every process is healthy;
	 * the shared stack, if it runs, stops first.
	 * @param name names the log file
	 * @param workers the number of queue workers
	 * @param workerMode whether the workers share a consumer group or a share group
	 * @return the running stack
	 */
	static SystemTestStack start(String name, int workers, WorkerMode workerMode) throws InterruptedException {
		stopShared();
		Path logFile = Path.of("target", "system-tests", name + ".log").toAbsolutePath();
		PrintStream log;
		try {
			Files.createDirectories(logFile.getParent());
			log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LocalStack stack = LocalStack.create(LocalStackOptions.builder()
			.workers(workers)
			.workerMode(workerMode)
			.httpPort(0)
			.dashboardPort(0)
			.kafkaPort(0)
			.projectDirectory(Path.of("..").toAbsolutePath().normalize())
			.output(log, false)
			.build());
		SystemTestStack running = new SystemTestStack(stack, log, logFile);
		try {
			assertThat(stack.start()).as("every process healthy; see " + logFile).isTrue();
			running.receipts = new ReceiptLog(stack.bootstrapServers(), "event-receipts");
		}
		catch (RuntimeException | Error ex) {
			running.close();
			throw ex;
		}
		return running;
	}

	/**
	 * The stack that test classes share, to spare CI a start per class: started by the first
	 * class that asks, with every process running again and scaled to {@code workers} for each
	 * later one. A class that uses it does not close it: the next {@link #start} does, or the test
	 * JVM as it exits (LocalStack's shutdown hook), and even a killed JVM leaves no process behind.
	 * @param workers the number of queue workers the calling class needs
	 * @return the running stack
	 */
	static synchronized SystemTestStack shared(int workers) throws InterruptedException {
		if (shared == null) {
			shared = start("shared", workers);
		}
		shared.restore();
		shared.mark("scaling to " + workers + " queue workers for the next test class");
		shared.stack.scale(workers);
		return shared;
	}

	private static synchronized void stopShared() {
		if (shared != null) {
			shared.close();
			shared = null;
		}
	}

	LocalStack stack() {
		return this.stack;
	}

	/**
	 * Starts again every process a test stopped or killed, the broker first, so that a failed
	 * test leaves the next one a whole stack.
	 */
	void restore() throws InterruptedException {
		for (ServiceStatus process : this.stack.status()) {
			if (process.state() != ServiceState.RUNNING && process.state() != ServiceState.STARTING) {
				mark("restoring " + process.name() + " (" + process.state().name().toLowerCase(Locale.ROOT) + ")");
				assertThat(this.stack.start(process.name())).as(process.name() + " healthy again; see " + this.logFile)
					.isTrue();
			}
		}
	}

	Path logFile() {
		return this.logFile;
	}

	/** Every delivery receipt on the broker, read from the beginning. */
	ReceiptLog receipts() {
		return this.receipts;
	}

	/** Writes a marker into the log, so a reader can find where a test step began. */
	void mark(String text) {
		this.log.println("---- system test | " + text);
	}

	/**
	 * Publishes one event and expects 202.
	 * @return the event id
	 */
	String publish(String type, String key, Map<String, Object> payload) {
		Answer answer = post("/api/events", event(type, key, payload));
		assertThat(answer.status()).as(answer.body()).isEqualTo(202);
		return answer.json().get("id").asString();
	}

	/**
	 * Publishes events one request each, several in flight at a time, and expects 202 for each.
	 * @param count how many
	 * @param event the body of event {@code i}
	 * @return the ids, in order
	 */
	List<String> publishConcurrently(int count, IntFunction<Map<String, Object>> event) {
		Semaphore inFlight = new Semaphore(8);
		List<CompletableFuture<String>> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			inFlight.acquireUninterruptibly();
			HttpRequest request = request("/api/events", event.apply(i));
			ids.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
				return JSON.readTree(response.body()).get("id").asString();
			}).whenComplete((id, failure) -> inFlight.release()));
		}
		return ids.stream().map(CompletableFuture::join).toList();
	}

	/**
	 * Publishes events in batches of up to 1000 and expects 202 for each batch.
	 * @param count how many
	 * @param event the body of event {@code i}
	 * @return the ids, in order
	 */
	List<String> publishInBatches(int count, IntFunction<Map<String, Object>> event) {
		List<String> ids = new ArrayList<>(count);
		for (int start = 0; start < count; start += 1000) {
			List<Map<String, Object>> batch = new ArrayList<>();
			for (int i = start; i < Math.min(count, start + 1000); i++) {
				batch.add(event.apply(i));
			}
			Answer answer = post("/api/events/batch", batch);
			assertThat(answer.status()).as(answer.body()).isEqualTo(202);
			answer.json().get("results").forEach((result) -> ids.add(result.get("id").asString()));
		}
		return ids;
	}

	/** Sends one event and returns the answer, whatever it is. */
	Answer post(String path, Object body) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code GET /api/events/{id}}. */
	JsonNode status(String id) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.stack.producerUrl() + "/api/events/" + id)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
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
	 * The id of every event in the events topic, by its key, read from the beginning to the end.
	 */
	Map<String, String> eventIdsByKey() {
		Map<String, String> ids = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.bootstrapServers()), new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor("events", Duration.ofSeconds(30))
				.stream()
				.map((partition) -> new TopicPartition("events", partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					idOf(record.value()).ifPresent((id) -> ids.put(record.key(), id));
				}
			}
		}
		return ids;
	}

	/** The id of an event, empty for a poison record that has none. */
	private static Optional<String> idOf(String value) {
		try {
			return Optional.ofNullable(JSON.readTree(value).get("id")).map(JsonNode::asString);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	static Map<String, Object> event(String type, String key, Map<String, Object> payload) {
		return Map.of("type", type, "key", key, "payload", payload);
	}

	private HttpRequest request(String path, Object body) {
		return HttpRequest.newBuilder(URI.create(this.stack.producerUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
	}

	@Override
	public void close() {
		try {
			if (this.receipts != null) {
				this.receipts.close();
			}
			this.stack.close();
		}
		finally {
			this.log.close();
		}
	}

	/**
	 * An HTTP answer and how long it took.
	 *
	 * @param status the status code
	 * @param body the body
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @param took the time from sending the request to reading the answer
	 */
	record Answer(int status, String body, String retryAfter, Duration took) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
