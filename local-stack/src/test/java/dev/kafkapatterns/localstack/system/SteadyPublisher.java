package dev.kafkapatterns.localstack.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events through the REST API at a steady rate, one {@code POST /api/events} each, as
 * many clients would, and keeps every answer: the ids of the accepted events (202) and a count per
 * status (or per exception, for a request without an answer). A request is sent every tick; when
 * {@value #MAX_IN_FLIGHT} are unanswered, the ticks' requests are skipped and counted, so a slow
 * system shows as a lower rate rather than as an ever-growing queue in the client.
 */
final class SteadyPublisher implements AutoCloseable {

	private static final int MAX_IN_FLIGHT = 128;

	private static final Duration TICK = Duration.ofMillis(50);

	private static final List<String> TYPES = List.of("order.placed", "payment.requested", "report.requested");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI events;

	private final int perTick;

	private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

	private final Queue<String> accepted = new ConcurrentLinkedQueue<>();

	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final AtomicLong sent = new AtomicLong();

	private final LongAdder skipped = new LongAdder();

	private volatile long startedAt;

	private volatile long stoppedAt;

	/**
	 * @param producerUrl the producer-service's base URL
	 * @param perSecond events per second, a multiple of 20
	 */
	SteadyPublisher(String producerUrl, int perSecond) {
		this.events = URI.create(producerUrl + "/api/events");
		this.perTick = Math.max(1, perSecond * (int) TICK.toMillis() / 1000);
	}

	void start() {
		this.startedAt = System.nanoTime();
		this.ticks.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops sending and waits for the answers still due. */
	void stop() throws InterruptedException {
		this.ticks.shutdown();
		this.ticks.awaitTermination(10, TimeUnit.SECONDS);
		this.stoppedAt = System.nanoTime();
		// Every permit back: every request answered or timed out.
		if (this.inFlight.tryAcquire(MAX_IN_FLIGHT, 1, TimeUnit.MINUTES)) {
			this.inFlight.release(MAX_IN_FLIGHT);
		}
	}

	private void tick() {
		for (int i = 0; i < this.perTick; i++) {
			if (!this.inFlight.tryAcquire()) {
				this.skipped.increment();
				continue;
			}
			long n = this.sent.getAndIncrement();
			Map<String, Object> event = Map.of("type", TYPES.get((int) (n % TYPES.size())), "key", "soak-" + (n % 500),
					"payload", Map.of("n", n, "workMs", 2));
			HttpRequest request = HttpRequest.newBuilder(this.events)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
				.build();
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
				try {
					if (failure != null) {
						count(failure.getClass().getSimpleName());
					}
					else {
						count(String.valueOf(response.statusCode()));
						if (response.statusCode() == 202) {
							this.accepted.add(JSON.readTree(response.body()).get("id").asString());
						}
					}
				}
				finally {
					this.inFlight.release();
				}
			});
		}
	}

	private void count(String answer) {
		this.answers.computeIfAbsent(answer, (key) -> new LongAdder()).increment();
	}

	/** The ids of the events answered with 202. */
	List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	/** How many requests got each answer. */
	Map<String, Long> answers() {
		Map<String, Long> counts = new TreeMap<>();
		this.answers.forEach((answer, count) -> counts.put(answer, count.sum()));
		return counts;
	}

	long sent() {
		return this.sent.get();
	}

	long skipped() {
		return this.skipped.sum();
	}

	/** Requests sent per second, from start to stop. */
	double rate() {
		long end = (this.stoppedAt != 0) ? this.stoppedAt : System.nanoTime();
		return this.sent.get() / ((end - this.startedAt) / 1e9);
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
	}

}
