package dev.kafkapatterns.dashboard.deliveries;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.dashboard.DashboardProperties;
import dev.kafkapatterns.model.DeliveryReceipt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table's rules: newest first, bounded, receipts before their event, late receipts of
 * forgotten events, versions for the stream, and cut text.
 */
class DeliveryBoardTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final DeliveryBoard board = new DeliveryBoard(properties(3, 60));

	@Test
	void keepsTheNewestRowsNewestFirst() {
		for (int i = 1; i <= 5; i++) {
			event("e" + i, i);
		}

		assertThat(this.board.rows().rows()).extracting(DeliveryRow::id).containsExactly("e5", "e4", "e3");
	}

	@Test
	void aReceiptBeforeItsEventStartsTheRowAndTheEventFillsItIn() {
		receipt("e1", "queue-workers", "queue-worker-1", 2);
		event("e1", 1);

		DeliveryRow row = this.board.rows().rows().get(0);
		assertThat(row.type()).isEqualTo("type-e1");
		assertThat(row.publishedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(row.deliveries()).containsExactly(
				new DeliveryRow.Delivery("queue-workers", "queue-worker-1", T0.plusSeconds(2), 1));
	}

	@Test
	void aLateReceiptOfAForgottenEventDoesNotBringItBack() {
		for (int i = 1; i <= 4; i++) {
			event("e" + i, i);
		}
		receipt("e1", "fanout-audit", "fanout-audit", 10);

		assertThat(this.board.rows().rows()).extracting(DeliveryRow::id).containsExactly("e4", "e3", "e2");
	}

	@Test
	void aRowIsEvictedByItsPublishTimeOnceItsEventArrives() {
		receipt("e1", "fanout-audit", "fanout-audit", 10);
		event("e2", 2);
		event("e3", 3);
		event("e1", 1);
		event("e4", 4);

		assertThat(this.board.rows().rows()).extracting(DeliveryRow::id).containsExactly("e4", "e3", "e2");
	}

	@Test
	void aSecondReceiptOfTheSameGroupCountsAsARedelivery() {
		event("e1", 1);
		receipt("e1", "queue-workers", "queue-worker-1", 2);
		receipt("e1", "queue-workers", "queue-worker-2", 3);

		assertThat(this.board.rows().rows().get(0).deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.receipts()).isEqualTo(2));
	}

	@Test
	void changesSinceAVersionAreOnlyTheRowsThatChanged() {
		event("e1", 1);
		event("e2", 2);
		long seen = this.board.rows().version();
		receipt("e1", "fanout-audit", "fanout-audit", 3);

		DeliveryBoard.Changes changes = this.board.changesSince(seen);
		assertThat(changes.rows()).extracting(DeliveryRow::id).containsExactly("e1");
		assertThat(changes.version()).isGreaterThan(seen);
		assertThat(this.board.changesSince(changes.version()).rows()).isEmpty();
	}

	@Test
	void aDeadLetterMarksTheRowWithTheGroupAndTheReason() {
		event("e1", 1);
		this.board.onDeadLetter("e1", "fanout-audit", "simulated failure", "events-0@7", T0.plusSeconds(5), null);

		assertThat(this.board.rows().rows().get(0).deadLetters()).containsExactly(
				new DeliveryRow.DeadLetter("fanout-audit", "simulated failure", "events-0@7", T0.plusSeconds(5)));
	}

	@Test
	void longTextAndMadeUpGroupsAreBounded() {
		this.board.onEvent("e1", "t".repeat(500), "k", "p".repeat(500), 0, 0, T0);
		for (int i = 0; i < 100; i++) {
			receipt("e1", "group-" + i, "instance", 1);
		}

		DeliveryRow row = this.board.rows().rows().get(0);
		assertThat(row.type()).hasSize(61).endsWith("…");
		assertThat(row.payload()).hasSize(61);
		assertThat(row.deliveries()).hasSize(DeliveryBoard.MAX_GROUPS_PER_ROW);
	}

	private void event(String id, int second) {
		this.board.onEvent(id, "type-" + id, "key-" + id, null, 0, second, T0.plusSeconds(second));
	}

	private void receipt(String id, String group, String instance, int second) {
		this.board.onReceipt(new DeliveryReceipt(id, group, group, instance, 0, 0, T0.plusSeconds(second)));
	}

	static DashboardProperties properties(int maxRows, int maxTextLength) {
		return new DashboardProperties(URI.create("http://localhost:8080"), Duration.ofSeconds(15),
				new DashboardProperties.Deliveries(maxRows, maxTextLength),
				new DashboardProperties.Stream(Duration.ofMillis(500), 20, Duration.ofSeconds(5), Duration.ofMinutes(30)),
				new DashboardProperties.Groups(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(3)));
	}

}
