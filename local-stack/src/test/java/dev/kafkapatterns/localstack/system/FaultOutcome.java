package dev.kafkapatterns.localstack.system;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.kafkapatterns.localstack.system.ProcessedLogLines.Processed;
import dev.kafkapatterns.model.DeliveryReceipt;

/**
 * What happened to the records a stopped share worker held, worked out once the group has settled
 * every record: which came back (processed on a later delivery), by whom and when, and how many
 * jobs were done twice.
 *
 * @param cameBack the jobs processed on a delivery after the first
 * @param redeliveredBy the workers that processed those
 * @param duplicates receipts beyond one per job
 * @param repeatedByOneWorker jobs that one and the same worker did twice
 * @param firstBack the earliest job that came back, processed this long after the fault
 * @param lastBack the latest
 */
record FaultOutcome(Set<String> cameBack, Set<String> redeliveredBy, int duplicates, Set<String> repeatedByOneWorker,
		Duration firstBack, Duration lastBack) {

	/**
	 * @param jobs the ids of the jobs published for the test
	 * @param receipts every receipt of the share group
	 * @param lines every per-event log line of the share group
	 * @param faultAt when the worker was stopped
	 */
	static FaultOutcome of(List<String> jobs, List<DeliveryReceipt> receipts, List<Processed> lines, Instant faultAt) {
		Set<String> ours = new HashSet<>(jobs);
		List<Processed> redelivered = lines.stream()
			.filter((line) -> ours.contains(line.eventId()) && line.deliveryCount() > 1)
			.toList();
		Set<String> cameBack = redelivered.stream().map(Processed::eventId).collect(Collectors.toSet());
		Set<String> redeliveredBy = redelivered.stream().map(Processed::instance).collect(Collectors.toCollection(TreeSet::new));
		List<DeliveryReceipt> ofJobs = receipts.stream().filter((receipt) -> ours.contains(receipt.eventId())).toList();
		Set<String> repeated = RepeatedWork.withinOneInstance(ofJobs);
		List<Duration> backAfter = ofJobs.stream()
			.filter((receipt) -> cameBack.contains(receipt.eventId()) && redeliveredBy.contains(receipt.instance()))
			.map((receipt) -> Duration.between(faultAt, receipt.processedAt()))
			.filter((after) -> !after.isNegative())
			.sorted()
			.toList();
		return new FaultOutcome(cameBack, redeliveredBy, ofJobs.size() - jobs.size(), repeated,
				backAfter.isEmpty() ? Duration.ZERO : backAfter.get(0),
				backAfter.isEmpty() ? Duration.ZERO : backAfter.get(backAfter.size() - 1));
	}

	String describe() {
		return this.cameBack.size() + " records it held handed out again and processed by " + this.redeliveredBy
				+ String.format(Locale.ROOT, " %.1f to %.1f s after the fault", this.firstBack.toMillis() / 1e3,
						this.lastBack.toMillis() / 1e3)
				+ "; " + this.duplicates + " of them processed twice (done by it, not yet acknowledged)";
	}

}
