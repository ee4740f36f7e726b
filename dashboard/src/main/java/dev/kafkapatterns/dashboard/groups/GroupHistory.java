package dev.kafkapatterns.dashboard.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lag and throughput of each group over the last minutes, for the charts. Throughput is how fast
 * a group's offsets move: records processed per second, whatever the group does with them.
 *
 * The processed position is the end offset minus the lag, summed over the partitions.
 *
 * <p>Bounded: a point per snapshot for {@code window}, for at most {@link #MAX_GROUPS} groups
 * (groups that commit offsets; readers without offsets have no lag to chart).
 */
public class GroupHistory {

	static final int MAX_GROUPS = 50;

	private final Duration window;

	private final Map<String, Series> series = new LinkedHashMap<>();

	GroupHistory(Duration window) {
		this.window = window;
	}

	/**
	 * Adds a snapshot to the history.
	 * @param snapshot the snapshot, without throughput
	 * @return the snapshot with each group's throughput since the previous one
	 */
	synchronized GroupsSnapshot record(GroupsSnapshot snapshot) {
		Instant now = snapshot.takenAt();
		List<GroupsSnapshot.Group> groups = snapshot.groups().stream().map((group) -> record(group, now)).toList();
		Instant oldest = now.minus(this.window);
		this.series.values().forEach((points) -> points.trim(oldest));
		this.series.values().removeIf((points) -> points.points.isEmpty());
		return new GroupsSnapshot(now, groups);
	}

	private GroupsSnapshot.Group record(GroupsSnapshot.Group group, Instant now) {
		if (group.totalLag() == null) {
			return group;
		}
		Series points = this.series.get(group.groupId());
		if (points == null) {
			if (this.series.size() >= MAX_GROUPS) {
				return group;
			}
			points = new Series();
			this.series.put(group.groupId(), points);
		}
		long offsets = group.processed();
		Double throughput = null;
		if (points.lastTime != null && now.isAfter(points.lastTime) && offsets >= points.lastOffsets) {
			double seconds = Duration.between(points.lastTime, now).toNanos() / 1e9;
			throughput = (offsets - points.lastOffsets) / seconds;
		}
		points.lastTime = now;
		points.lastOffsets = offsets;
		points.points.addLast(new Point(now, group.totalLag(), throughput));
		return group.withThroughput(throughput);
	}

	/**
	 * The history of every charted group.
	 * @return points per group, oldest first
	 */
	synchronized Map<String, List<Point>> points() {
		Map<String, List<Point>> copy = new TreeMap<>();
		this.series.forEach((group, points) -> copy.put(group, List.copyOf(points.points)));
		return copy;
	}

	/**
	 * One point of a group's chart.
	 *
	 * @param at when
	 * @param lag the group's total lag
	 * @param throughput records per second since the point before, or {@code null} for the first
	 */
	public record Point(Instant at, long lag, Double throughput) {
	}

	private static final class Series {

		private final Deque<Point> points = new ArrayDeque<>();

		private Instant lastTime;

		private long lastOffsets;

		void trim(Instant oldest) {
			while (!this.points.isEmpty() && this.points.peekFirst().at().isBefore(oldest)) {
				this.points.removeFirst();
			}
		}

	}

}
