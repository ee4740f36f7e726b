package dev.kafkapatterns.bench.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import dev.kafkapatterns.bench.baseline.BaselineSettings;
import dev.kafkapatterns.bench.cli.BenchPlan.Scenario;
import dev.kafkapatterns.bench.report.ReportWriter;
import dev.kafkapatterns.bench.rest.RestPublishScenario.RestSettings;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingSettings;
import dev.kafkapatterns.bench.stack.LocalStackSettings;
import dev.kafkapatterns.bench.stack.ShellWords;
import dev.kafkapatterns.bench.stack.WorkerMode;

/**
 * {@code java -jar bench/target/bench.jar}: measures the system against Kafka's own tools in one
 * run on one broker, and writes {@code README.md}, {@code results.json} and PNG charts.
 *
 * <p>Exit codes: 0 when every scenario ran (whether or not the targets are met: speed is reported,
 * not asserted), 1 when a scenario or the stack failed, 2 for a usage error.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "bench 1.0.0-SNAPSHOT", sortOptions = false,
		usageHelpAutoWidth = true,
		description = { "Measures the whole system against Kafka's ProducerPerformance, ConsumerPerformance and "
				+ "EndToEndLatency, on one broker, in one run: REST publishing, the drain of a backlog, "
				+ "publish-to-processed latency at a fixed rate, and worker scaling.",
				"Without --bootstrap-servers and --producer-url it starts the stack itself through local-stack "
						+ "(build first: ./mvnw -B -DskipTests package).",
				"" })
public final class BenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	private final Path project = ProjectDirectory.locate();

	private final List<String> arguments;

	@Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
			description = "A running stack's broker; with --producer-url, no stack is started (no scaling scenario then).")
	private String bootstrapServers;

	@Option(names = "--producer-url", paramLabel = "URL", description = "A running stack's producer-service.")
	private URI producerUrl;

	@Option(names = "--local-stack-jar", paramLabel = "JAR", description = "default: local-stack/target/local-stack.jar")
	private Path localStackJar;

	@Option(names = "--stack-args", paramLabel = "ARGS", defaultValue = "",
			description = "More local-stack arguments, space-separated; quotes around an argument keep its "
					+ "spaces, for example \"--kafka-port 9094 --jvm-opts '-XX:+UseSerialGC -Xmx256m'\".")
	private String stackArguments;

	@Option(names = "--workers", paramLabel = "N", defaultValue = "2",
			description = "Queue workers during drain and latency (default: ${DEFAULT-VALUE}).")
	private int workers;

	@Option(names = "--worker-mode", paramLabel = "MODE", defaultValue = "group",
			description = "group or share (share group queue-workers-share) (default: ${DEFAULT-VALUE}).")
	private WorkerMode workerMode;

	@Option(names = "--fanout-groups", paramLabel = "GROUP", split = ",",
			defaultValue = "fanout-audit,fanout-notifications,fanout-monitoring",
			description = "The fanout groups, also local-stack's process names (default: ${DEFAULT-VALUE}).")
	private List<String> fanoutGroups;

	@Option(names = "--scenarios", paramLabel = "NAME", split = ",", defaultValue = "baselines,drain,latency,scaling,rest",
			description = "Scenarios to run (default: ${DEFAULT-VALUE}).")
	private List<Scenario> scenarios;

	@Option(names = "--output", paramLabel = "DIR", description = "Where the results go (default: docs/benchmarks).")
	private Path output;

	@Option(names = "--render-only",
			description = "Measure nothing: write README.md and the charts again from the results.json in --output.")
	private boolean renderOnly;

	@Option(names = "--log-dir", paramLabel = "DIR",
			description = "Where local-stack's and the tools' output goes (default: bench/target/bench-logs).")
	private Path logDirectory;

	@Option(names = "--perf-records", paramLabel = "N", defaultValue = "1000000",
			description = "ProducerPerformance and ConsumerPerformance records (default: ${DEFAULT-VALUE}).")
	private long perfRecords;

	@Option(names = "--record-size", paramLabel = "BYTES", defaultValue = "200",
			description = "Baseline record size, about an event's JSON (default: ${DEFAULT-VALUE}).")
	private int recordSize;

	@Option(names = "--e2e-records", paramLabel = "N", defaultValue = "5000",
			description = "EndToEndLatency round trips (default: ${DEFAULT-VALUE}).")
	private int endToEndRecords;

	@Option(names = "--rest-seconds", paramLabel = "S", defaultValue = "20",
			description = "Measured seconds per REST workload (default: ${DEFAULT-VALUE}).")
	private int restSeconds;

	@Option(names = "--rest-warmup-seconds", paramLabel = "S", defaultValue = "5",
			description = "Warm-up before each REST workload (default: ${DEFAULT-VALUE}).")
	private int restWarmupSeconds;

	@Option(names = "--rest-single-connections", paramLabel = "N", defaultValue = "32", description = "(default: ${DEFAULT-VALUE})")
	private int singleConnections;

	@Option(names = "--rest-batch-connections", paramLabel = "N", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})")
	private int batchConnections;

	@Option(names = "--rest-batch-size", paramLabel = "N", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
	private int batchSize;

	@Option(names = "--rest-with-consumers",
			description = "Keep the consumers running while REST publishing is measured (default: stop them).")
	private boolean restWithConsumers;

	// 10,000 each way: the groups process as many events as the backlog before it, so the drain
	// measures services whose C1 code and heaps have settled. With 1,000 each way the fanout groups
	// drained about a fifth slower in two alternating pairs of runs (README "How fast").
	@Option(names = "--warmup-events", paramLabel = "N", defaultValue = "10000",
			description = "Events through the API, and as many written to the topic, that every group processes "
					+ "before the drain, not measured (default: ${DEFAULT-VALUE}).")
	private int warmupEvents;

	@Option(names = "--drain-events", paramLabel = "N", defaultValue = "20000",
			description = "The drain's backlog (default: ${DEFAULT-VALUE}).")
	private int drainEvents;

	@Option(names = "--latency-rate", paramLabel = "PER_S", defaultValue = "1000",
			description = "Events per second offered, open loop (default: ${DEFAULT-VALUE}).")
	private double latencyRate;

	@Option(names = "--latency-sweep", paramLabel = "PER_S", split = ",",
			description = "More rates, each offered after --latency-rate as it is, for a table of latency and CPU "
					+ "against the rate (default: none).")
	private List<Double> latencySweep = List.of();

	@Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "20", description = "(default: ${DEFAULT-VALUE})")
	private int latencySeconds;

	@Option(names = "--latency-warmup-seconds", paramLabel = "S", defaultValue = "5",
			description = "The same rate offered first, not measured; 0 for none (default: ${DEFAULT-VALUE}).")
	private int latencyWarmupSeconds;

	@Option(names = "--scaling-workers", paramLabel = "N", split = ",", defaultValue = "1,2,3,6",
			description = "Worker counts, the first sets the per-worker rate (default: ${DEFAULT-VALUE}).")
	private List<Integer> scalingWorkers;

	@Option(names = "--scaling-jobs-per-worker", paramLabel = "N", defaultValue = "300", description = "(default: ${DEFAULT-VALUE})")
	private int jobsPerWorker;

	@Option(names = "--scaling-warmup-jobs-per-worker", paramLabel = "N", defaultValue = "100",
			description = "Jobs per worker every group processes before each step, not measured; 0 for none "
					+ "(default: ${DEFAULT-VALUE}).")
	private int warmupJobsPerWorker;

	@Option(names = "--scaling-work-ms", paramLabel = "MS", defaultValue = "20", description = "(default: ${DEFAULT-VALUE})")
	private int workMs;

	@Option(names = "--members-per-worker", paramLabel = "N", defaultValue = "1",
			description = "Group members per worker process, its worker.concurrency (default: ${DEFAULT-VALUE}).")
	private int membersPerWorker;

	@Option(names = "--settle-timeout", paramLabel = "S", defaultValue = "900",
			description = "Seconds the groups get to process a scenario's events (default: ${DEFAULT-VALUE}).")
	private int settleSeconds;

	@Option(names = "--ready-timeout", paramLabel = "S", defaultValue = "300",
			description = "Seconds local-stack gets to print its ready line (default: ${DEFAULT-VALUE}).")
	private int readySeconds;

	BenchCommand(List<String> arguments) {
		this.arguments = List.copyOf(arguments);
	}

	/**
	 * Runs the benchmark and exits with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(commandLine(List.of(args)).execute(args));
	}

	static CommandLine commandLine(List<String> arguments) {
		return new CommandLine(new BenchCommand(arguments)).setCaseInsensitiveEnumValuesAllowed(true)
			.setExecutionExceptionHandler(BenchCommand::reportWithoutStackTrace);
	}

	/**
	 * A stack that is not there or does not get ready ({@link IllegalStateException}, whose message
	 * says why and names the log) is the user's to fix, not a bug: its message, exit code 1, and no
	 * stack trace. Anything else keeps picocli's report, stack trace included.
	 */
	private static int reportWithoutStackTrace(Exception ex, CommandLine commandLine, ParseResult parseResult)
			throws Exception {
		if (!(ex instanceof IllegalStateException)) {
			throw ex;
		}
		commandLine.getErr().println("bench: " + ex.getMessage());
		return 1;
	}

	@Override
	public Integer call() throws InterruptedException, IOException {
		BenchPlan plan = plan();
		if (this.renderOnly) {
			ReportWriter.write(ReportWriter.read(plan.output()).withTargets(), plan.output());
			this.spec.commandLine().getOut().println("wrote the report again in " + plan.output().toAbsolutePath());
			return 0;
		}
		return new BenchmarkRun(plan).execute();
	}

	BenchPlan plan() {
		if ((this.bootstrapServers == null) != (this.producerUrl == null)) {
			throw new ParameterException(this.spec.commandLine(),
					"--bootstrap-servers and --producer-url go together: both for a running stack, neither to start one");
		}
		requirePositive(this.drainEvents, "--drain-events");
		requirePositive(this.latencySeconds, "--latency-seconds");
		requireNotNegative(this.latencyWarmupSeconds, "--latency-warmup-seconds");
		requireNotNegative(this.warmupJobsPerWorker, "--scaling-warmup-jobs-per-worker");
		requirePositive(this.restSeconds, "--rest-seconds");
		requirePositive(this.membersPerWorker, "--members-per-worker");
		if (this.latencyRate <= 0 || this.latencySweep.stream().anyMatch((rate) -> rate <= 0)
				|| this.scalingWorkers.stream().anyMatch((n) -> n < 1)) {
			throw new ParameterException(this.spec.commandLine(),
					"--latency-rate, --latency-sweep and --scaling-workers must be positive");
		}
		Path output = (this.output != null) ? this.output : this.project.resolve("docs/benchmarks");
		Path logs = (this.logDirectory != null) ? this.logDirectory : this.project.resolve("bench/target/bench-logs");
		Path jar = (this.localStackJar != null) ? this.localStackJar
				: this.project.resolve("local-stack/target/local-stack.jar");
		Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
		chosen.addAll(this.scenarios);
		List<String> extra = ShellWords.split(this.stackArguments);
		return new BenchPlan(command(), this.project, output, logs, this.bootstrapServers, this.producerUrl,
				new LocalStackSettings(jar, this.workers, this.workerMode, extra, logs.resolve("local-stack.log"),
						Duration.ofSeconds(this.readySeconds)),
				chosen, this.fanoutGroups, new BaselineSettings(this.perfRecords, this.recordSize, this.endToEndRecords),
				new RestSettings(this.singleConnections, this.batchConnections, this.batchSize,
						Duration.ofSeconds(this.restWarmupSeconds), Duration.ofSeconds(this.restSeconds)),
				this.restWithConsumers, this.warmupEvents, this.drainEvents, this.latencyRate, List.copyOf(this.latencySweep),
				Duration.ofSeconds(this.latencyWarmupSeconds), Duration.ofSeconds(this.latencySeconds),
				new ScalingSettings(this.workerMode, this.scalingWorkers, this.jobsPerWorker, this.warmupJobsPerWorker,
						this.workMs, this.membersPerWorker),
				Duration.ofSeconds(this.settleSeconds));
	}

	private void requireNotNegative(int value, String option) {
		if (value < 0) {
			throw new ParameterException(this.spec.commandLine(), option + " must be 0 or more, not " + value);
		}
	}

	private void requirePositive(int value, String option) {
		if (value <= 0) {
			throw new ParameterException(this.spec.commandLine(), option + " must be positive, not " + value);
		}
	}

	private String command() {
		String args = ShellWords.join(this.arguments);
		// The JVM's own flags (the README runs the benchmark with -XX:TieredStopAtLevel=1), not agents.
		String jvm = ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((arg) -> arg.startsWith("-X"))
			.map((arg) -> arg + " ")
			.collect(Collectors.joining());
		return ("java " + jvm + "-jar bench/target/bench.jar " + args).strip();
	}

}
