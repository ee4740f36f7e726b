package dev.kafkapatterns.dashboard.groups;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.dashboard.DashboardProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Asks the broker about every group every {@code dashboard.groups.refresh-interval} and keeps the
 * latest answer and the history. Pages and API calls read what is kept; none of them makes the
 * dashboard ask the broker, so a thousand open pages cost the broker nothing more.
 */
@Component
public class GroupsRefresher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(GroupsRefresher.class);

	private final GroupsInspector inspector;

	private final GroupHistory history;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile Latest latest = new Latest(null, "The broker has not been asked yet.", 0);

	private volatile ScheduledFuture<?> refreshing;

	GroupsRefresher(GroupsInspector inspector, TaskScheduler scheduler, DashboardProperties properties) {
		this.inspector = inspector;
		this.scheduler = scheduler;
		this.interval = properties.groups().refreshInterval();
		this.history = new GroupHistory(properties.groups().history());
	}

	/**
	 * The latest snapshot, and whether the latest attempt failed.
	 * @return what is known
	 */
	public Latest latest() {
		return this.latest;
	}

	/**
	 * Lag and throughput per group over the history window.
	 * @return points per group, oldest first
	 */
	public Map<String, List<GroupHistory.Point>> history() {
		return this.history.points();
	}

	void refresh() {
		Latest previous = this.latest;
		try {
			GroupsSnapshot snapshot = this.history.record(this.inspector.inspect());
			if (previous.error() != null && previous.snapshot() != null) {
				logger.info("The broker answers again; groups are shown");
			}
			this.latest = new Latest(snapshot, null, previous.version() + 1);
		}
		catch (GroupsUnavailableException ex) {
			if (previous.error() == null) {
				logger.warn("Groups cannot be shown: {}", ex.getMessage());
			}
			this.latest = new Latest(previous.snapshot(), ex.getMessage(), previous.version() + 1);
		}
		catch (RuntimeException ex) {
			logger.error("Describing the groups failed", ex);
			this.latest = new Latest(previous.snapshot(), "Describing the groups failed; the failure is logged.",
					previous.version() + 1);
		}
	}

	@Override
	public void start() {
		this.refreshing = this.scheduler.scheduleWithFixedDelay(this::refresh, this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> running = this.refreshing;
		if (running != null) {
			running.cancel(false);
			this.refreshing = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

	/**
	 * What the dashboard knows about the groups.
	 *
	 * @param snapshot the latest snapshot the broker gave, or {@code null} before the first
	 * @param error why the latest attempt failed, or {@code null} when it succeeded
	 * @param version grows with every attempt
	 */
	public record Latest(GroupsSnapshot snapshot, String error, long version) {
	}

}
