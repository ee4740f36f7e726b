package dev.kafkapatterns.localstack.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.localstack.system.ProcessMemory.Sample;

/**
 * The resident memory of each process of a stack, sampled at moments of a long test and printed
 * as one row per process, so a value that keeps growing stands out from one that levels off.
 */
final class MemoryTimeline {

	private final LocalStack stack;

	private final List<String> labels = new ArrayList<>();

	private final List<Map<String, Sample>> samples = new ArrayList<>();

	MemoryTimeline(LocalStack stack) {
		this.stack = stack;
	}

	/** Samples every running process now, under a label such as {@code 2:00}. */
	void sample(String label) {
		this.labels.add(label);
		this.samples.add(ProcessMemory.of(this.stack));
	}

	/**
	 * One line of labels, then one line per process with its RSS in MiB at each sample; {@code *}
	 * marks a process that is not the one of the sample before (killed and started again).
	 */
	String render() {
		Set<String> names = new LinkedHashSet<>();
		this.samples.forEach((sample) -> names.addAll(sample.keySet()));
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  %-22s", "RSS (MiB)"));
		this.labels.forEach((label) -> text.append(String.format(Locale.ROOT, " %7s", label)));
		for (String name : names) {
			text.append(String.format(Locale.ROOT, "%n  %-22s", name));
			Sample before = null;
			for (Map<String, Sample> moment : this.samples) {
				Sample sample = moment.get(name);
				String value = (sample == null) ? "-"
						: sample.residentMib() + ((before != null && before.pid() != sample.pid()) ? "*" : "");
				text.append(String.format(Locale.ROOT, " %7s", value));
				before = (sample != null) ? sample : before;
			}
		}
		return text.toString();
	}

}
