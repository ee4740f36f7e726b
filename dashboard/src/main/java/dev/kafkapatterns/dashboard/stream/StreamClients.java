package dev.kafkapatterns.dashboard.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.dashboard.DashboardProperties;
import dev.kafkapatterns.dashboard.deliveries.DeliveryBoard;
import dev.kafkapatterns.dashboard.groups.GroupsRefresher;
import dev.kafkapatterns.dashboard.json.HtmlSafeJson;
import dev.kafkapatterns.support.topics.TopicsProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams, and the tick that feeds them.
 *
 * <p>Nothing is queued per client. Each client remembers only the versions it has seen; every
 * {@code dashboard.stream.interval} it gets one message with the rows that changed since and one
 * with the groups snapshot if there is a new one. However many events arrive in between, they are
 * coalesced into that message, and its size is bounded by the table's size. A client whose
 * previous message is still being written skips the tick (it catches up with the next), and one
 * whose write has been stuck longer than {@code dashboard.stream.slow-client-timeout} is dropped.
 * Writes run on a pool with one thread per client at most, so a stuck client never holds up the
 * others.
 */
@Component
class StreamClients implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StreamClients.class);

	/** Already serialized: written as it is, in UTF-8, not serialized again. */
	private static final MediaType JSON_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final Map<Long, StreamClient> clients = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final DeliveryBoard board;

	private final GroupsRefresher groups;

	private final HtmlSafeJson json;

	private final TaskScheduler scheduler;

	private final DashboardProperties.Stream settings;

	private final ThreadPoolExecutor writers;

	private final String hello;

	private final Counter dropped;

	private volatile ScheduledFuture<?> ticking;

	StreamClients(DeliveryBoard board, GroupsRefresher groups, HtmlSafeJson json, TaskScheduler scheduler,
			DashboardProperties properties, TopicsProperties topics, MeterRegistry meterRegistry) {
		this.board = board;
		this.groups = groups;
		this.json = json;
		this.scheduler = scheduler;
		this.settings = properties.stream();
		this.writers = new ThreadPoolExecutor(0, this.settings.maxClients(), 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), new CustomizableThreadFactory("stream-writer-"));
		this.dropped = meterRegistry.counter("dashboard.stream.dropped");
		this.hello = json.write(new StreamMessages.HelloMessage(topics.events(), properties.deliveries().maxRows()));
		Gauge.builder("dashboard.stream.clients", this.clients, Map::size).register(meterRegistry);
	}

	/**
	 * Opens a stream for a new client.
	 * @return the emitter to return from the controller
	 * @throws TooManyStreamsException when {@code dashboard.stream.max-clients} are open
	 */
	SseEmitter open() {
		if (this.clients.size() >= this.settings.maxClients()) {
			throw new TooManyStreamsException(this.settings.maxClients());
		}
		SseEmitter emitter = new SseEmitter(this.settings.lifetime().toMillis());
		StreamClient client = new StreamClient(this.ids.incrementAndGet(), emitter);
		emitter.onCompletion(() -> this.clients.remove(client.id()));
		emitter.onTimeout(() -> this.clients.remove(client.id()));
		emitter.onError((ex) -> this.clients.remove(client.id()));
		this.clients.put(client.id(), client);
		return emitter;
	}

	int size() {
		return this.clients.size();
	}

	void tick() {
		long now = System.nanoTime();
		GroupsRefresher.Latest latestGroups = this.groups.latest();
		// Clients that saw the same version get the same text: serialize once per tick.
		Map<Long, Rows> rowsByVersion = new HashMap<>();
		for (StreamClient client : this.clients.values()) {
			if (client.writing()) {
				if (now - client.writeStartedAt() > this.settings.slowClientTimeout().toNanos()) {
					drop(client);
				}
				continue;
			}
			List<SseEmitter.SseEventBuilder> messages = new ArrayList<>(3);
			long rowVersion = client.rowVersion();
			if (rowVersion < 0) {
				messages.add(SseEmitter.event().name("hello").data(this.hello, JSON_TEXT));
			}
			Rows rows = rowsByVersion.computeIfAbsent(rowVersion, this::rowsSince);
			if (rows.text() != null) {
				messages.add(SseEmitter.event().name("deliveries").data(rows.text(), JSON_TEXT));
			}
			if (rowVersion < 0) {
				messages.add(SseEmitter.event().name("history").data(this.json.write(this.groups.history()), JSON_TEXT));
			}
			if (latestGroups.version() > client.groupsVersion()) {
				messages.add(SseEmitter.event()
					.name("groups")
					.data(this.json.write(new StreamMessages.GroupsMessage(latestGroups.snapshot(), latestGroups.error())), JSON_TEXT));
			}
			if (!messages.isEmpty()) {
				write(client, messages, rows.version(), latestGroups.version(), now);
			}
		}
	}

	private Rows rowsSince(long seenVersion) {
		DeliveryBoard.Changes changes = this.board.changesSince(seenVersion);
		boolean reset = seenVersion < 0;
		String text = (reset || !changes.rows().isEmpty()) ? this.json.write(new StreamMessages.DeliveriesMessage(reset, changes.rows()))
				: null;
		return new Rows(text, changes.version());
	}

	private record Rows(String text, long version) {
	}

	private void write(StreamClient client, List<SseEmitter.SseEventBuilder> messages, long rowVersion,
			long groupsVersion, long now) {
		client.startWriting(now);
		try {
			this.writers.execute(() -> {
				try {
					for (SseEmitter.SseEventBuilder message : messages) {
						client.emitter().send(message);
					}
					client.wrote(rowVersion, groupsVersion);
				}
				catch (IOException | IllegalStateException ex) {
					// Gone: the browser closed the page, or the write failed.
					this.clients.remove(client.id());
				}
				finally {
					client.stopWriting();
					if (client.dropped()) {
						client.emitter().complete();
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Every writer is busy with a stuck client: this one tries again next tick.
			client.stopWriting();
		}
	}

	private void drop(StreamClient client) {
		if (this.clients.remove(client.id()) != null) {
			client.drop();
			this.dropped.increment();
			logger.info("Dropped a stream client whose message has not been written for {} ms",
					Duration.ofNanos(System.nanoTime() - client.writeStartedAt()).toMillis());
		}
	}

	@Override
	public void start() {
		this.ticking = this.scheduler.scheduleAtFixedRate(this::tick, this.settings.interval());
	}

	@Override
	public void stop() {
		ScheduledFuture<?> running = this.ticking;
		if (running != null) {
			running.cancel(false);
			this.ticking = null;
		}
		this.clients.values().forEach((client) -> client.emitter().complete());
		this.clients.clear();
		this.writers.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.ticking != null;
	}

}
