package dev.kafkapatterns.bench.scaling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

/**
 * Keys that spread jobs evenly over the partitions, by the producer's own rule for keyed records
 * (murmur2 of the key's UTF-8 bytes, modulo the partition count). Random keys leave some
 * partitions a few percent fuller than others, and in group mode the fullest partition decides
 * when a step ends: that would measure the keys, not the workers.
 */
final class PartitionKeys {

	private PartitionKeys() {
	}

	/**
	 * Makes keys, round robin over the partitions.
	 * @param count how many
	 * @param partitions the partition count
	 * @param prefix starts every key
	 * @return the keys; key {@code i} lands on partition {@code i % partitions}
	 */
	static List<String> balanced(int count, int partitions, String prefix) {
		List<List<String>> byPartition = new ArrayList<>();
		for (int p = 0; p < partitions; p++) {
			byPartition.add(new ArrayList<>());
		}
		int perPartition = (count + partitions - 1) / partitions;
		int filled = 0;
		for (long n = 0; filled < partitions; n++) {
			String key = prefix + n;
			List<String> keys = byPartition.get(partitionOf(key, partitions));
			if (keys.size() < perPartition) {
				keys.add(key);
				if (keys.size() == perPartition) {
					filled++;
				}
			}
		}
		List<String> keys = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			keys.add(byPartition.get(i % partitions).get(i / partitions));
		}
		return keys;
	}

	static int partitionOf(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

}
