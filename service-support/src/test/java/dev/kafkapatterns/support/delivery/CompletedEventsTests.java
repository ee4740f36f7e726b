package dev.kafkapatterns.support.delivery;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a listener remembers of the events it processed: the work, then the receipt, and a failed
 * receipt that sends the next delivery back to sending it again, without the work.
 */
class CompletedEventsTests {

	private final CompletedEvents completed = new CompletedEvents(100);

	@Test
	void anEventGoesFromWorkDoneToReceiptSent() {
		this.completed.workDone("e1", "appended");
		assertThat(this.completed.get("e1")).isEqualTo(new CompletedEvents.Entry(CompletedEvents.State.WORK_DONE,
				"appended"));

		this.completed.receiptSent("e1", "appended");
		assertThat(this.completed.get("e1")).isEqualTo(new CompletedEvents.Entry(CompletedEvents.State.RECEIPT_SENT,
				"appended"));
	}

	@Test
	void aFailedReceiptLeavesTheWorkDoneAndItsOutcomeForTheNextDelivery() {
		this.completed.workDone("e1", "appended");
		this.completed.receiptSent("e1", "appended");

		this.completed.receiptFailed("e1");

		assertThat(this.completed.get("e1")).isEqualTo(new CompletedEvents.Entry(CompletedEvents.State.WORK_DONE,
				"appended"));
	}

	@Test
	void aFailedReceiptOfAnEventNeverSeenRemembersNothing() {
		this.completed.receiptFailed("e1");

		assertThat(this.completed.get("e1")).isNull();
	}

	@Test
	void theIdsUsedLeastAreForgottenBeyondTheBound() {
		CompletedEvents small = new CompletedEvents(10);
		for (int i = 0; i < 1000; i++) {
			small.workDone("e" + i, "done");
		}

		long remembered = IntStream.range(0, 1000).filter((i) -> small.get("e" + i) != null).count();
		assertThat(remembered).isLessThanOrEqualTo(10);
	}

}
