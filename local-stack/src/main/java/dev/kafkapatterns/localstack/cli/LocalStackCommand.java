package dev.kafkapatterns.localstack.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.localstack.LocalStackException;
import dev.kafkapatterns.localstack.LocalStackOptions;
import dev.kafkapatterns.localstack.WorkerMode;
import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * {@code java -jar local-stack/target/local-stack.jar}: starts the stack, reads commands from
 * standard input, and stops everything on Ctrl-C or SIGTERM, exiting 0.
 *
 * <p>Exit codes: 0 after a graceful stop, 1 if the broker did not come up, 2 for a usage or setup
 * problem found before anything started (a taken port, a missing jar), 130 after a forced stop.
 */
@Command(name = "local-stack", mixinStandardHelpOptions = true, version = "local-stack 1.0.0-SNAPSHOT",
		sortOptions = false, usageHelpAutoWidth = true,
		description = { "Starts what docker-compose would, without Docker: a real Kafka broker (KRaft, one node), "
				+ "producer-service, the dashboard, fanout-audit, fanout-notifications, fanout-monitoring and N queue "
				+ "workers, each as its own JVM, every log line prefixed with the process name.",
				"Build the services first: ./mvnw -DskipTests package", "" },
		footer = { "", "While it runs, type commands (or pipe them into standard input):",
				"  scale N | stop NAME | start NAME | kill NAME | status | help | quit",
				"Ctrl-C or SIGTERM stops the services, then the broker; a second one kills everything.",
				"A line starting with 'Stack ready' says when every process is healthy." })
public final class LocalStackCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-w", "--workers" }, paramLabel = "N", defaultValue = "3",
			description = "Queue workers to start (default: ${DEFAULT-VALUE}).")
	private int workers;

	@Option(names = "--worker-mode", paramLabel = "MODE", defaultValue = "group",
			description = "How the queue workers share the events: group (one consumer group, a partition per worker) "
					+ "or share (one share group, KIP-932) (default: ${DEFAULT-VALUE}).")
	private WorkerMode workerMode;

	@Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
			description = "producer-service's HTTP port; 0 for any free port (default: ${DEFAULT-VALUE}).")
	private int httpPort;

	@Option(names = "--dashboard-port", paramLabel = "PORT", defaultValue = "8090",
			description = "The dashboard's HTTP port; 0 for any free port (default: ${DEFAULT-VALUE}).")
	private int dashboardPort;

	@Option(names = "--no-dashboard", description = "Do not start the dashboard.")
	private boolean noDashboard;

	@Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
			description = "The broker's client port on localhost; 0 for any free port (default: ${DEFAULT-VALUE}).")
	private int kafkaPort;

	@Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "0",
			description = "The broker's KRaft controller port on localhost (default: any free port).")
	private int controllerPort;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "The broker's data directory, kept after exit and reused by the next start "
					+ "(default: a fresh temporary directory, deleted on exit).")
	private Path dataDirectory;

	@Option(names = "--run-dir", paramLabel = "DIR",
			description = "Where server.properties and the audit trail go, kept after exit "
					+ "(default: a temporary directory, deleted on exit).")
	private Path runDirectory;

	@Option(names = "--project-dir", paramLabel = "DIR",
			description = "The project whose */target/*.jar to run (default: two levels above this jar).")
	private Path projectDirectory;

	@Option(names = "--jvm-opts", paramLabel = "OPTS",
			description = "JVM options for each service, space-separated (default: ${DEFAULT-VALUE}).")
	private String jvmOptions = String.join(" ", LocalStackOptions.DEFAULT_JVM_OPTIONS);

	@Option(names = "--kafka-jvm-opts", paramLabel = "OPTS",
			description = "JVM options for the broker (default: ${DEFAULT-VALUE}).")
	private String kafkaJvmOptions = String.join(" ", LocalStackOptions.DEFAULT_KAFKA_JVM_OPTIONS);

	@Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "180",
			description = "How long the broker and every service get to become healthy (default: ${DEFAULT-VALUE}).")
	private int readyTimeoutSeconds;

	@Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "30",
			description = "How long a process gets to stop after SIGTERM before it is killed (default: ${DEFAULT-VALUE}).")
	private int stopTimeoutSeconds;

	@Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
			description = "Colour the name prefixes: auto (when standard output is a terminal), always or never "
					+ "(default: ${DEFAULT-VALUE}).")
	private ColorMode color;

	@Option(names = "--verbose",
			description = "The services log everything Spring Boot logs by default (INFO, long logger names). "
					+ "Without it they log the lines that show the patterns, warnings and errors: "
					+ "LOGGING_LEVEL_ROOT=warn, LOGGING_LEVEL_DEV_KAFKAPATTERNS=info and a short LOGGING_PATTERN_CONSOLE.")
	private boolean verbose;

	@Option(names = "--broker-only",
			description = "Run only the Kafka broker, for services you start yourself, from an IDE for example.")
	private boolean brokerOnly;

	/**
	 * Runs the launcher and exits with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	static CommandLine commandLine() {
		return new CommandLine(new LocalStackCommand()).setCaseInsensitiveEnumValuesAllowed(true);
	}

	@Override
	public Integer call() {
		IdleHeapReturn.enable();
		// UTF-8 whatever the platform's default, so the lines read back the same in any pipe.
		PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrefixedOutput output = new PrefixedOutput(stdout, this.color.enabled());
		LocalStack stack;
		try {
			stack = LocalStack.create(options(output));
		}
		catch (LocalStackException ex) {
			this.spec.commandLine().getErr().println(ex.getMessage());
			this.spec.commandLine().getErr().flush();
			return ex.exitCode();
		}
		ShutdownSignals signals = new ShutdownSignals(Thread.currentThread(), stack, output);
		signals.install();
		try {
			stack.start();
			// From now on the launcher mostly waits; the start-up's garbage (the broker probe, the
			// output of eight JVMs starting) goes back to the operating system at once.
			System.gc();
			if (!signals.stopRequested()) {
				if (System.console() != null) {
					output.launcher("type 'help' for commands; Ctrl-C stops everything");
				}
				new CommandConsole(stack, output, () -> signals.received("quit")).readFrom(System.in);
			}
			signals.awaitStopRequest();
			return 0;
		}
		catch (InterruptedException ex) {
			// A signal during start-up: stop what has started.
			return 0;
		}
		catch (LocalStackException ex) {
			output.launcher(ex.getMessage());
			return ex.exitCode();
		}
		finally {
			stack.close();
		}
	}

	LocalStackOptions options(PrefixedOutput output) {
		try {
			return LocalStackOptions.builder()
				.workers(this.workers)
				.workerMode(this.workerMode)
				.httpPort(this.httpPort)
				.dashboardPort(this.dashboardPort)
				.dashboard(!this.noDashboard)
				.verbose(this.verbose)
				.kafkaPort(this.kafkaPort)
				.controllerPort(this.controllerPort)
				.dataDirectory(this.dataDirectory)
				.runDirectory(this.runDirectory)
				.projectDirectory(this.projectDirectory)
				.jvmOptions(words(this.jvmOptions))
				.kafkaJvmOptions(words(this.kafkaJvmOptions))
				.readyTimeout(Duration.ofSeconds(this.readyTimeoutSeconds))
				.stopTimeout(Duration.ofSeconds(this.stopTimeoutSeconds))
				.brokerOnly(this.brokerOnly)
				.output(output)
				.build();
		}
		catch (IllegalArgumentException ex) {
			// The options check themselves, naming the flag; picocli prints it as a usage error.
			throw new ParameterException(this.spec.commandLine(), ex.getMessage(), ex);
		}
	}

	private static List<String> words(String options) {
		return Arrays.stream(options.strip().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

}
