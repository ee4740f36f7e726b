package dev.kafkapatterns.localstack.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kafkapatterns.model.DeliveryReceipt;

/** Work done twice by one and the same instance, as its receipts show. */
final class RepeatedWork {

	private RepeatedWork() {
	}

	/**
	 * @param receipts the receipts to look at
	 * @return {@code instance/eventId} for each event one instance sent two receipts for, that is,
	 * did twice
	 */
	static Set<String> withinOneInstance(List<DeliveryReceipt> receipts) {
		return receipts.stream()
			.collect(Collectors.groupingBy((receipt) -> receipt.instance() + "/" + receipt.eventId(), Collectors.counting()))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

}
