package dev.kafkapatterns.bench.stack;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The whole stack as a child process: {@code java -jar local-stack.jar --http-port P --kafka-port K
 * --workers N --no-dashboard} on free ports. It is ready when it prints {@code Stack ready in …}; it scales the
 * workers through its standard input ({@code scale N}, answered by {@code N queue workers running});
 * SIGTERM stops it and everything it started. Its output goes to a log file.
 */
public final class LocalStackProcess implements TargetStack {

	private static final String READY = "Stack ready in ";

	private static final String NOT_READY = "Stack not ready";

	/** Said before the services start when the stack makes class data archives once it is ready. */
	private static final String CLASS_DATA_MISSING = "class data archives missing";

	/** Said when those training runs have ended. */
	private static final String CLASS_DATA_DONE = "class data archives done";

	private final Process process;

	private final ProcessOutput output;

	private final PrintStream log;

	private final OutputStream commands;

	private final int httpPort;

	private final int kafkaPort;

	private final String description;

	private final Thread shutdownHook;

	private LocalStackProcess(Process process, ProcessOutput output, PrintStream log, int httpPort, int kafkaPort,
			String description) {
		this.process = process;
		this.output = output;
		this.log = log;
		this.commands = process.getOutputStream();
		this.httpPort = httpPort;
		this.kafkaPort = kafkaPort;
		this.description = description;
		// A benchmark stopped with Ctrl-C must not leave nine JVMs behind.
		this.shutdownHook = new Thread(this::terminate, "bench-stop-local-stack");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts local-stack and waits for its ready line.
	 * @param settings what to start
	 * @return the running stack
	 * @throws IllegalStateException when it exits or is not ready in time; its last lines say why
	 */
	public static LocalStackProcess start(LocalStackSettings settings) throws InterruptedException {
		if (!Files.isRegularFile(settings.jar())) {
			throw new IllegalStateException("No local-stack jar at " + settings.jar()
					+ "; build it first (./mvnw -B -DskipTests package) or name it with --local-stack-jar");
		}
		int httpPort = freePort();
		int kafkaPort = freePort();
		// Without the dashboard: it reads every event and receipt, and would take its share of the
		// cores from what is measured.
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", settings.jar().toString(),
				"--http-port", String.valueOf(httpPort), "--kafka-port", String.valueOf(kafkaPort), "--workers",
				String.valueOf(settings.workers()), "--no-dashboard"));
		command.addAll(settings.workerModeArguments());
		command.addAll(settings.extraArguments());
		PrintStream log = openLog(settings.logFile());
		log.println("# " + ShellWords.join(command));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			log.close();
			throw new UncheckedIOException("Could not start " + command, ex);
		}
		ProcessOutput output = new ProcessOutput(log);
		output.readFrom(process.getInputStream(), "local-stack-output");
		LocalStackProcess stack = new LocalStackProcess(process, output, log, httpPort, kafkaPort,
				"local-stack (" + ShellWords.join(command.subList(1, command.size())) + ")");
		Optional<String> ready = output.awaitLine(0, (line) -> line.contains(READY) || line.contains(NOT_READY),
				settings.readyTimeout());
		if (ready.isEmpty() || !ready.get().contains(READY)) {
			List<String> tail = output.tail(20);
			stack.close();
			throw new IllegalStateException("local-stack did not get ready (see " + settings.logFile() + "):\n  "
					+ String.join("\n  ", tail));
		}
		return stack;
	}

	/**
	 * Whether this start runs without class data archives and makes them now that it is ready: the
	 * first start after a build. Those training runs take cores from what would be measured.
	 */
	public boolean makingClassData() throws InterruptedException {
		return this.output.awaitLine(0, (line) -> line.contains(CLASS_DATA_MISSING), Duration.ZERO).isPresent();
	}

	/**
	 * Waits until the stack has made its class data archives.
	 * @return whether it said so in time
	 */
	public boolean awaitClassData(Duration timeout) throws InterruptedException {
		return this.output.awaitLine(0, (line) -> line.contains(CLASS_DATA_DONE), timeout).isPresent();
	}

	@Override
	public String bootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	@Override
	public URI producerUrl() {
		return URI.create("http://localhost:" + this.httpPort);
	}

	@Override
	public boolean controlsProcesses() {
		return true;
	}

	@Override
	public String describe() {
		return this.description;
	}

	@Override
	public void scaleWorkers(int workers, Duration timeout) throws InterruptedException {
		int mark = this.output.mark();
		send("scale " + workers);
		Pattern running = Pattern.compile("\\b" + workers + " queue workers running\\b");
		if (this.output.awaitLine(mark, (line) -> running.matcher(line).find(), timeout).isEmpty()) {
			throw new IllegalStateException("local-stack did not report " + workers + " queue workers running within "
					+ timeout.toSeconds() + " s:\n  " + String.join("\n  ", this.output.tail(10)));
		}
	}

	@Override
	public void stopProcesses(List<String> names) {
		names.forEach((name) -> send("stop " + name));
	}

	private synchronized void send(String command) {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("local-stack is not running any more (exit code "
					+ this.process.exitValue() + ")");
		}
		try {
			this.commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
			this.commands.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not send '" + command + "' to local-stack", ex);
		}
	}

	/** SIGTERM, then waits for local-stack to stop its services and the broker. */
	@Override
	public void close() {
		terminate();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook runs or ran.
		}
		this.log.close();
	}

	private void terminate() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** The exit code once stopped, for the report. */
	public Optional<Integer> exitCode() {
		return this.process.isAlive() ? Optional.empty() : Optional.of(this.process.exitValue());
	}

	/** The Java launcher this benchmark runs on, for child JVMs. */
	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	private static PrintStream openLog(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			// Flushed by ProcessOutput after each burst of lines, not after each line.
			return new PrintStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), false,
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
