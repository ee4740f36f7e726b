package dev.kafkapatterns.bench.scaling;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionKeysTests {

	@Test
	void keysLandRoundRobinByTheProducersOwnPartitioner() {
		List<String> keys = PartitionKeys.balanced(600, 6, "job-1-");

		assertThat(keys).hasSize(600).doesNotHaveDuplicates();
		for (int i = 0; i < keys.size(); i++) {
			assertThat(BuiltInPartitioner.partitionForKey(keys.get(i).getBytes(StandardCharsets.UTF_8), 6))
				.as(keys.get(i))
				.isEqualTo(i % 6);
		}
	}

	@Test
	void aCountThatDoesNotDivideEvenlyStillGivesThatManyKeys() {
		assertThat(PartitionKeys.balanced(7, 6, "k")).hasSize(7).doesNotHaveDuplicates();
	}

}
