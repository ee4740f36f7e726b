package dev.kafkapatterns.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark, briefly, so that it cannot rot: the packaged {@code bench.jar} starts a real
 * stack through the local-stack jar and runs every scenario with small counts. It asserts that
 * each scenario produced sane, complete results (every event processed by every group, every
 * request accepted, every tool's figure read), never how fast: speed is for the real run.
 */
class BenchSystemTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** 202, and 503: the API's documented answer when the broker did not acknowledge in time. */
	private static final List<String> ACCEPTED_OR_OVERLOADED = List.of("202", "503");

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring",
			"queue-workers");

	@Test
	void everyScenarioRunsAgainstARealStack() throws IOException, InterruptedException {
		Path output = Path.of("target", "bench-smoke").toAbsolutePath();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", Path.of("target", "bench.jar").toAbsolutePath().toString(), "--output", output.toString(),
				"--log-dir", output.resolve("logs").toString(),
				"--workers", "1", "--perf-records", "20000", "--e2e-records", "200", "--warmup-events", "20",
				"--drain-events", "200", "--latency-rate", "50", "--latency-sweep", "25", "--latency-warmup-seconds", "1", "--latency-seconds", "3",
				"--scaling-workers", "1,2",
				"--scaling-jobs-per-worker", "20", "--scaling-warmup-jobs-per-worker", "5", "--rest-seconds", "2", "--rest-warmup-seconds", "1",
				"--settle-timeout", "120"));
		Files.createDirectories(output);
		Path console = output.resolve("console.log");
		Process bench = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
		bench.getOutputStream().close();
		boolean finished = bench.waitFor(6, TimeUnit.MINUTES);
		if (!finished) {
			bench.descendants().forEach(ProcessHandle::destroyForcibly);
			bench.destroyForcibly().waitFor();
		}
		assertThat(finished).as("the benchmark finished; see " + console).isTrue();
		assertThat(bench.exitValue()).as(Files.readString(console)).isZero();

		JsonNode results = JSON.readTree(output.resolve("results.json").toFile());
		assertThat(results.get("failures").properties()).isEmpty();
		assertThat(results.get("machine").get("cores").asInt()).isPositive();
		assertBaselines(results.get("baselines"));
		assertEveryGroupProcessedEveryEvent(results.get("drain"), 200);
		assertLatency(results.get("latency"), 150);
		assertThat(results.get("latencySweep").valueStream()).singleElement().satisfies((atRate) -> assertLatency(atRate, 75));
		assertScaling(results.get("scaling"));
		for (String rest : List.of("restSingle", "restBatch")) {
			JsonNode workload = results.get(rest);
			assertThat(workload.get("statuses").propertyNames()).as(rest).contains("202").isSubsetOf(ACCEPTED_OR_OVERLOADED);
			assertThat(workload.get("failures").asLong()).as(rest).isZero();
			assertThat(workload.get("latency").get("p99Ms").asDouble()).as(rest).isPositive();
		}
		assertCpuOfEveryProcessKind(results.get("cpu"));
		assertThat(results.get("targets").valueStream().map((target) -> target.get("ratio").asDouble()))
			.hasSizeGreaterThanOrEqualTo(11)
			.allSatisfy((ratio) -> assertThat(ratio).isPositive());
		assertThat(output.resolve("README.md")).content().contains("## Targets", "## Latency against the offered rate",
				"## Worker scaling");
		for (String chart : List.of("throughput.png", "latency.png", "scaling.png", "latency-by-rate.png")) {
			assertThat(Files.readAllBytes(output.resolve(chart))).as(chart).startsWith(0x89, 'P', 'N', 'G');
		}
		assertThat(output.resolve("logs/local-stack.log")).content().contains("Stack ready in");
	}

	private static void assertBaselines(JsonNode baselines) {
		assertThat(baselines.get("producer").get("records").asLong()).isEqualTo(20000);
		assertThat(baselines.get("producer").get("recordsPerSecond").asDouble()).isPositive();
		assertThat(baselines.get("consumer").get("records").asLong()).isEqualTo(20000);
		assertThat(baselines.get("endToEnd").get("records").asInt()).isEqualTo(200);
		assertThat(baselines.get("endToEnd").get("p99Ms").asInt())
			.isGreaterThanOrEqualTo(baselines.get("endToEnd").get("p50Ms").asInt());
	}

	private static void assertEveryGroupProcessedEveryEvent(JsonNode drain, int events) {
		assertThat(drain.get("complete").asBoolean()).isTrue();
		assertThat(drain.get("groups").valueStream().map((group) -> group.get("group").asString())).containsExactlyElementsOf(GROUPS);
		drain.get("groups").forEach((group) -> {
			assertThat(group.get("processed").asInt()).as(group.toString()).isEqualTo(events);
			assertThat(group.get("eventsPerSecond").asDouble()).as(group.toString()).isPositive();
		});
	}

	/**
	 * Every event the API accepted was processed by every group. On a loaded machine the API may
	 * answer 503 (the broker did not acknowledge in time), its documented answer; nothing else.
	 */
	private static void assertLatency(JsonNode latency, int events) {
		assertThat(latency.get("sent").asInt()).isEqualTo(events);
		assertThat(latency.get("errorStatuses").propertyNames()).isSubsetOf("503");
		int accepted = events - latency.get("errors").asInt();
		assertThat(accepted).isPositive();
		assertThat(latency.get("complete").asBoolean()).isTrue();
		latency.get("groups").forEach((group) -> {
			assertThat(group.get("processed").asInt()).as(group.toString()).isEqualTo(accepted);
			assertThat(group.get("missing").asInt()).as(group.toString()).isZero();
			JsonNode percentiles = group.get("latency");
			assertThat(percentiles.get("count").asLong()).isEqualTo(accepted);
			assertThat(percentiles.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(percentiles.get("p50Ms").asDouble())
				.isPositive();
		});
	}

	/** The drain's step counts the machine and every kind of process the benchmark started. */
	private static void assertCpuOfEveryProcessKind(JsonNode cpu) {
		assertThat(cpu.valueStream().map((step) -> step.get("step").asString())).contains("baselines", "drain", "latency",
				"latency at 25/s", "scaling", "REST single", "REST batch");
		JsonNode drain = cpu.valueStream().filter((step) -> step.get("step").asString().equals("drain")).findFirst().orElseThrow();
		assertThat(drain.get("machineBusyCores").asDouble()).isPositive();
		assertThat(drain.get("coresByProcess").propertyNames()).contains("benchmark", "kafka", "producer-service",
				"fanout-consumers", "queue-workers", "local-stack");
		assertThat(drain.get("coresByProcess").get("fanout-consumers").asDouble()).isPositive();
	}

	private static void assertScaling(JsonNode scaling) {
		assertThat(scaling.get("partitions").asInt()).isEqualTo(6);
		assertThat(scaling.get("warmupJobsPerWorker").asInt()).isEqualTo(5);
		assertThat(scaling.get("steps").valueStream().map((step) -> step.get("workers").asInt())).containsExactly(1, 2);
		scaling.get("steps").forEach((step) -> {
			assertThat(step.get("complete").asBoolean()).as(step.toString()).isTrue();
			assertThat(step.get("members").asInt()).isEqualTo(step.get("workers").asInt());
			assertThat(step.get("jobsPerSecond").asDouble()).as(step.toString()).isPositive();
		});
	}

}
