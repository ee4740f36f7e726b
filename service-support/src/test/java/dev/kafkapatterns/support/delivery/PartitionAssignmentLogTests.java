package dev.kafkapatterns.support.delivery;

import java.util.List;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition lines: what a consumer gets and gives up, once, and a loss only when the
 * consumer still held the partitions.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartitionAssignmentLogTests {

	private final MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());

	private final PartitionAssignmentLog log = new PartitionAssignmentLog();

	@Test
	void gracefulCloseLogsEachRevokedPartitionOnceAndNoLoss(CapturedOutput output) {
		this.log.onPartitionsAssigned(this.consumer, List.of(events(1), events(0)));
		// What a closing consumer with the consumer protocol reports, and the container after it.
		this.log.onPartitionsRevokedAfterCommit(this.consumer, List.of(events(0), events(1)));
		this.log.onPartitionsLost(this.consumer, List.of(events(0), events(1)));
		this.log.onPartitionsRevokedAfterCommit(this.consumer, List.of(events(0), events(1)));

		assertThat(output.getOut()).contains("partitions assigned: [events-0, events-1]");
		assertThat(output.getOut().lines().filter((line) -> line.contains("partitions revoked: [events-0, events-1]")))
			.hasSize(1);
		assertThat(output.getOut()).doesNotContain("partitions lost");
	}

	@Test
	void partitionsTakenAwayWhileHeldAreReportedLost(CapturedOutput output) {
		this.log.onPartitionsAssigned(this.consumer, List.of(events(2), events(3)));
		this.log.onPartitionsLost(this.consumer, List.of(events(3), events(2)));

		assertThat(output.getOut()).contains("WARN")
			.contains("partitions lost (the group moved on without this member): [events-2, events-3]");
	}

	private static TopicPartition events(int partition) {
		return new TopicPartition("events", partition);
	}

}
