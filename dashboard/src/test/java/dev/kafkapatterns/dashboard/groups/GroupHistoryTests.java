package dev.kafkapatterns.dashboard.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput from the processed position between snapshots, and a history that forgets what is
 * older than its window.
 */
class GroupHistoryTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final GroupHistory history = new GroupHistory(Duration.ofSeconds(10));

	@Test
	void throughputIsHowFastTheProcessedPositionMoves() {
		assertThat(throughputAt(0, 100, 50)).isNull();
		// end 300, lag 50: processed moved from 50 to 250 in 2 s
		assertThat(throughputAt(2, 300, 50)).isEqualTo(100.0);
		assertThat(this.history.points().get("workers")).extracting(GroupHistory.Point::lag).containsExactly(50L, 50L);
	}

	@Test
	void pointsOlderThanTheWindowAreForgotten() {
		throughputAt(0, 10, 0);
		throughputAt(5, 20, 0);
		throughputAt(12, 30, 0);

		assertThat(this.history.points().get("workers")).extracting(GroupHistory.Point::at)
			.containsExactly(T0.plusSeconds(5), T0.plusSeconds(12));
	}

	@Test
	void readersWithoutOffsetsAreNotCharted() {
		this.history.record(new GroupsSnapshot(T0, List.of(new GroupsSnapshot.Group("reader", "consumer", "Stable",
				List.of(), List.of(new GroupsSnapshot.Partition("events", 0, "r", null, 10L, null)), null, null))));

		assertThat(this.history.points()).isEmpty();
	}

	private Double throughputAt(int second, long end, long lag) {
		GroupsSnapshot snapshot = new GroupsSnapshot(T0.plusSeconds(second),
				List.of(new GroupsSnapshot.Group("workers", "consumer", "Stable", List.of(),
						List.of(new GroupsSnapshot.Partition("events", 0, "w", end - lag, end, lag)), lag, null)));
		return this.history.record(snapshot).groups().get(0).throughput();
	}

}
