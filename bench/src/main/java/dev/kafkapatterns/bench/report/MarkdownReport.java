package dev.kafkapatterns.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kafkapatterns.bench.histogram.LatencySummary;
import dev.kafkapatterns.bench.baseline.Baselines;
import dev.kafkapatterns.bench.cpu.StepCpu;
import dev.kafkapatterns.bench.drain.DrainScenario.GroupDrain;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.GroupLatency;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.LatencyResult;
import dev.kafkapatterns.bench.rest.RestResult;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingStep;

/**
 * {@code README.md} of a run: the machine and the command, the targets with pass or fail, then
 * each scenario's table next to its baseline, and the charts.
 */
final class MarkdownReport {

	private static final List<String> CPU_COLUMNS = List.of("benchmark", "kafka-tools", "kafka", "producer-service",
			"fanout-consumers", "queue-workers", "dashboard", "local-stack");

	private final BenchmarkResults results;

	private final List<String> lines = new ArrayList<>();

	private MarkdownReport(BenchmarkResults results) {
		this.results = results;
	}

	static String render(BenchmarkResults results) {
		return new MarkdownReport(results).render();
	}

	private String render() {
		add("# Benchmarks", "",
				"The whole system against Kafka's own tools, on one broker, in one run: every figure is next to the "
						+ "baseline it is held against, measured minutes apart on the same machine. Written by the "
						+ "`bench` module (see the project README, section \"Benchmarks\"); `results.json` has every figure.",
				"", "| | |", "|---|---|", "| command | `" + this.results.command() + "` |",
				"| machine | " + this.results.machine().summary() + " |", "| stack | " + this.results.stack() + " |",
				"| code | " + this.results.commit() + " |", "| started | " + this.results.startedAt() + " |",
				"| queue workers | " + this.results.workers() + " (" + this.results.workerMode() + " mode) for drain and latency |",
				"| 1-minute load average as each step began | " + loadAverages() + " |", "");
		targets();
		baselines();
		rest();
		drain();
		latency();
		scaling();
		cpu();
		method();
		if (!this.results.failures().isEmpty()) {
			add("## Scenarios that failed", "");
			this.results.failures().forEach((scenario, why) -> add("- **" + scenario + "**: " + why.replace("\n", " ")));
			add("");
		}
		return String.join("\n", this.lines) + "\n";
	}

	private void targets() {
		add("## Targets", "", "| figure | measured | baseline (same run) | ratio | target | result |",
				"|---|---|---|---|---|---|");
		for (TargetCheck check : this.results.targets()) {
			add("| " + check.figure() + " | " + number(check.measured()) + " " + check.unit() + " | "
					+ check.baselineName() + ": " + number(check.baseline()) + " " + check.baselineUnit() + " | "
					+ ratio(check) + " | " + check.target() + " | " + (check.pass() ? "pass" : "**fail**") + " |");
		}
		add("");
	}

	private void baselines() {
		Baselines baselines = this.results.baselines();
		if (baselines == null) {
			return;
		}
		add("## Baselines: Kafka's own tools", "", "| tool | result |", "|---|---|",
				"| `ProducerPerformance` (`acks=all`, " + baselines.producer().records() + " records) | "
						+ number(baselines.producer().recordsPerSecond()) + " records/s ("
						+ format("%.1f", baselines.producer().megabytesPerSecond()) + " MB/s), p50 "
						+ baselines.producer().p50Ms() + " ms, p99 " + baselines.producer().p99Ms() + " ms |",
				"| `ConsumerPerformance` (" + baselines.consumer().records() + " records) | "
						+ number(baselines.consumer().recordsPerSecond()) + " records/s ("
						+ number(baselines.consumer().fetchRecordsPerSecond()) + " records/s once joined, join "
						+ baselines.consumer().rebalanceMs() + " ms) |",
				"| `EndToEndLatency` (`acks=all`, " + baselines.endToEnd().records() + " round trips) | mean "
						+ format("%.2f", baselines.endToEnd().averageMs()) + " ms, p50 " + baselines.endToEnd().p50Ms()
						+ " ms, p99 " + baselines.endToEnd().p99Ms() + " ms, p99.9 " + baselines.endToEnd().p999Ms()
						+ " ms |",
				"");
		if (Charts.drawsThroughput(this.results)) {
			add("![throughput against the baselines](throughput.png)", "");
		}
	}

	private void rest() {
		if (this.results.restSingle() == null && this.results.restBatch() == null) {
			return;
		}
		add("## REST publishing", "",
				"Closed loop at a fixed number of connections, each with one request in flight; every answer is a "
						+ "`202` after `acks=all`. Consumers "
						+ (this.results.restWithConsumers() ? "running (the whole system on the same cores)."
								: "stopped, so the producer-service is alone with the broker, as in the issue's figures."),
				"", "| workload | connections | seconds | requests/s | events/s | p50 | p90 | p99 | p99.9 | max | errors |",
				"|---|---|---|---|---|---|---|---|---|---|---|");
		for (RestResult rest : new RestResult[] { this.results.restSingle(), this.results.restBatch() }) {
			if (rest != null) {
				add("| " + rest.name() + " | " + rest.concurrency() + " | " + format("%.0f", rest.seconds()) + " | "
						+ number(rest.requestsPerSecond()) + " | " + number(rest.eventsPerSecond()) + " | "
						+ millis(rest.latency().p50Ms()) + " | " + millis(rest.latency().p90Ms()) + " | "
						+ millis(rest.latency().p99Ms()) + " | " + millis(rest.latency().p999Ms()) + " | "
						+ millis(rest.latency().maxMs()) + " | " + rest.errors() + " |");
			}
		}
		add("");
	}

	private void drain() {
		if (this.results.drain() == null) {
			return;
		}
		double consumer = (this.results.baselines() != null) ? this.results.baselines().consumer().recordsPerSecond() : 0;
		add("## Drain", "", "A backlog of " + this.results.drain().events() + " events (`workMs: 0`), written straight to "
				+ "`events` with the producer-service's envelope, key and headers (`acks=all`), not through the REST "
				+ "API, so that the consumers are measured; writing took " + format("%.1f", this.results.drain().publishSeconds())
				+ " s, on the broker and cores the consumers were already working on. Time from the first write to "
				+ "each group's last receipt.", "",
				"| group | processed | missing | duplicates | seconds | events/s | vs ConsumerPerformance |",
				"|---|---|---|---|---|---|---|");
		for (GroupDrain group : this.results.drain().groups()) {
			add("| " + group.group() + " | " + group.processed() + " | " + group.missing() + " | " + group.duplicates()
					+ " | " + format("%.1f", group.seconds()) + " | " + number(group.eventsPerSecond()) + " | "
					+ ((consumer > 0) ? percent(group.eventsPerSecond() / consumer) : "-") + " |");
		}
		add("");
	}

	private void latency() {
		LatencyResult latency = this.results.latency();
		if (latency == null) {
			return;
		}
		add("## Publish → processed latency", "",
				format("%.0f", latency.offeredPerSecond()) + " events/s offered for " + format("%.0f", latency.seconds())
						+ " s, open loop (" + latency.sent() + " sent, at " + number(latency.sentPerSecond())
						+ "/s achieved, " + latency.errors() + " not accepted" + statuses(latency.errorStatuses())
						+ "), after an unmeasured warm-up at the same rate (`--latency-warmup-seconds`, 5 s by "
						+ "default; 0 in runs from before that option). Latency runs from each event's due "
						+ "time to the group's receipt, so time an event waited to be sent counts. The first row, due "
						+ "time to the API's `202`, shows how much of it the publishing took. The benchmark reads the "
						+ "receipts after the last answer, so that while the events are offered it only sends them.",
				"", "| group | processed | missing | p50 | p90 | p99 | p99.9 | max | p99 vs EndToEndLatency p99 |",
				"|---|---|---|---|---|---|---|---|---|");
		double endToEnd = (this.results.baselines() != null) ? Targets.endToEndP99(this.results) : 0;
		latencyRow("*REST answer (`202`)*", latency.sent() - (int) latency.errors(), (int) latency.errors(),
				latency.publish(), endToEnd);
		for (GroupLatency group : latency.groups()) {
			latencyRow(group.group(), group.processed(), group.missing(), group.latency(), endToEnd);
		}
		add("");
		if (Charts.drawsLatency(this.results)) {
			add("![publish to processed latency per group](latency.png)", "");
		}
		this.lines.addAll(LatencyByRate.section(this.results));
	}

	private static String statuses(Map<Integer, Long> statuses) {
		List<String> parts = new ArrayList<>();
		statuses.forEach((status, count) -> parts.add(count + " × " + ((status == 0) ? "no answer" : status)));
		return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
	}

	private void latencyRow(String name, int processed, int missing, LatencySummary latency, double endToEnd) {
		add("| " + name + " | " + processed + " | " + missing + " | " + millis(latency.p50Ms()) + " | "
				+ millis(latency.p90Ms()) + " | " + millis(latency.p99Ms()) + " | " + millis(latency.p999Ms()) + " | "
				+ millis(latency.maxMs()) + " | " + ((endToEnd > 0) ? format("%.1f×", latency.p99Ms() / endToEnd) : "-")
				+ " |");
	}

	private void scaling() {
		if (this.results.scaling() == null) {
			return;
		}
		add("## Worker scaling", "", "Jobs of `workMs: " + this.results.scaling().workMs() + "`, "
				+ this.results.scaling().mode() + " mode (group `" + this.results.scaling().group() + "`), "
				+ this.results.scaling().partitions() + " partitions; the jobs are written straight to `events`, keys "
				+ "spread evenly over the partitions. Time from the first write to the group's last receipt"
				+ warmupNote(this.results.scaling().warmupJobsPerWorker()) + ".", "",
				"| workers | members | jobs | seconds | jobs/s | linear | efficiency |", "|---|---|---|---|---|---|---|");
		for (ScalingStep step : this.results.scaling().steps()) {
			add("| " + step.workers() + " | " + step.members() + " | " + step.jobs() + " | "
					+ format("%.1f", step.seconds()) + " | " + number(step.jobsPerSecond()) + " | "
					+ number(step.linearJobsPerSecond()) + " | " + percent(step.efficiency())
					+ (step.complete() ? "" : " (" + step.missing() + " missing)") + " |");
		}
		add("", "![worker scaling](scaling.png)", "");
	}

	private static String warmupNote(int warmupJobsPerWorker) {
		return (warmupJobsPerWorker > 0) ? ", after every group processed " + warmupJobsPerWorker
				+ " unmeasured jobs per worker of the step (`--scaling-warmup-jobs-per-worker`), so that the workers "
				+ "a step adds are not measured while their JVMs warm up" : ", with no warm-up jobs before it";
	}

	private void method() {
		add("## How it is measured", "",
				"- Baselines: Kafka's `kafka-tools` at the broker's version, each in its own JVM on the bench jar's "
						+ "class path, on topics of their own (the throughput topic has as many partitions as `events`).",
				"- Processed means: the group's delivery receipt on `event-receipts` (its `processedAt`, stamped by the "
						+ "consumer on the same machine's clock).",
				"- REST figures come from the benchmark's own HTTP client (Apache HttpClient 5's minimal async client, one I/O "
						+ "thread), on the same cores as the stack; latencies are HdrHistogram percentiles.",
				"- Speed is measured here and never asserted in a test; `BenchSystemTests` runs every scenario "
						+ "briefly in `./mvnw verify` and checks only that the results are sane.",
				"");
	}

	private void cpu() {
		List<StepCpu> steps = this.results.cpu();
		if (steps.isEmpty()) {
			return;
		}
		List<String> kinds = new ArrayList<>();
		steps.forEach((step) -> step.coresByProcess().keySet().stream().filter((kind) -> !kinds.contains(kind)).forEach(kinds::add));
		kinds.sort(Comparator.comparingInt(MarkdownReport::cpuColumn).thenComparing(Comparator.naturalOrder()));
		add("## Where the CPU went", "",
				"Cores in use during each step: CPU seconds divided by the step's seconds. The machine's figure is "
						+ "every process on it (`/proc/stat`), of " + this.results.machine().cores()
						+ " cores; the others sum the benchmark's own JVM and the processes it started, by kind "
						+ "(`kafka-tools` are the baselines' JVMs; when the benchmark started the stack, the three "
						+ "fanout services are `fanout-consumers`, the workers `queue-workers`, the launcher "
						+ "`local-stack`). Processes are sampled every half second, so one that ended during a step "
						+ "counts up to its last sample.",
				"", "| step | seconds | machine | " + String.join(" | ", kinds) + " |",
				"|---|---|---|" + "---|".repeat(kinds.size()));
		for (StepCpu step : steps) {
			List<String> cells = new ArrayList<>();
			for (String kind : kinds) {
				Double cores = step.coresByProcess().get(kind);
				cells.add((cores != null) ? format("%.2f", cores) : "");
			}
			add("| " + step.step() + " | " + format("%.1f", step.seconds()) + " | "
					+ ((step.machineBusyCores() != null) ? "**" + format("%.2f", step.machineBusyCores()) + "**" : "")
					+ " | " + String.join(" | ", cells) + " |");
		}
		add("");
	}

	/** The benchmark first, then the broker, then the services in the order data flows. */
	private static int cpuColumn(String kind) {
		int index = CPU_COLUMNS.indexOf(kind);
		return (index >= 0) ? index : CPU_COLUMNS.size();
	}

	private String loadAverages() {
		List<String> loads = new ArrayList<>();
		this.results.loadAverages().forEach((step, load) -> loads.add(step + " " + format("%.1f", load)));
		return String.join(", ", loads) + " (" + this.results.machine().cores() + " cores)";
	}

	private void add(String... more) {
		this.lines.addAll(List.of(more));
	}

	private static String ratio(TargetCheck check) {
		return check.unit().equals("ms") ? format("%.1f×", check.ratio()) : percent(check.ratio());
	}

	private static String percent(double ratio) {
		return (ratio < 0.01) ? format("%.2f%%", ratio * 100) : format("%.1f%%", ratio * 100);
	}

	static String millis(double ms) {
		return (ms >= 10_000) ? format("%.1f s", ms / 1000) : (ms >= 100) ? format("%.0f ms", ms) : format("%.1f ms", ms);
	}

	static String number(double value) {
		return (value >= 100) ? format("%,.0f", value) : format("%.1f", value);
	}

	static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

}
