package dev.kafkapatterns.localstack.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.localstack.ServiceStatus;
import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Reads commands from standard input while the stack runs and carries them out, each on its own
 * thread so that a slow one (a graceful stop takes seconds) does not hold up the next. At the end
 * of the input it stops reading; the stack keeps running until a signal.
 */
final class CommandConsole {

	static final List<String> HELP = List.of("commands:",
			"  scale N      run N queue workers (new ones take the lowest free numbers, the highest stop first)",
			"  stop NAME    stop a process gracefully (SIGTERM; SIGKILL after the stop timeout)",
			"  start NAME   start a stopped or crashed process again (same port; kafka keeps its data)",
			"  kill NAME    kill a process at once (SIGKILL), like a crash", "  status       pid, port, state and health of every process",
			"  help         this list", "  quit         stop everything and exit, as Ctrl-C does",
			"NAME is kafka, producer-service, dashboard, fanout-audit, fanout-notifications, fanout-monitoring or queue-worker-N");

	private final LocalStack stack;

	private final PrefixedOutput output;

	private final Runnable quit;

	CommandConsole(LocalStack stack, PrefixedOutput output, Runnable quit) {
		this.stack = stack;
		this.output = output;
		this.quit = quit;
	}

	void readFrom(InputStream input) {
		Thread reader = new Thread(() -> readLines(input), "local-stack-console");
		reader.setDaemon(true);
		reader.start();
	}

	private void readLines(InputStream input) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				ConsoleCommand.parse(line).ifPresent(this::executeInBackground);
			}
		}
		catch (IOException ex) {
			// Standard input is gone: no more commands, the stack keeps running.
		}
	}

	private void executeInBackground(ConsoleCommand command) {
		Thread worker = new Thread(() -> execute(command), "local-stack-command");
		worker.setDaemon(true);
		worker.start();
	}

	void execute(ConsoleCommand command) {
		try {
			if (command instanceof ConsoleCommand.Scale scale) {
				this.stack.scale(scale.workers());
			}
			else if (command instanceof ConsoleCommand.Stop stop) {
				this.stack.stop(stop.name());
			}
			else if (command instanceof ConsoleCommand.Start start) {
				this.stack.start(start.name());
			}
			else if (command instanceof ConsoleCommand.Kill kill) {
				this.stack.kill(kill.name());
			}
			else if (command instanceof ConsoleCommand.Status) {
				statusTable(this.stack.status()).forEach(this.output::launcher);
				this.output.launcher("queue workers: worker mode " + this.stack.workerMode());
			}
			else if (command instanceof ConsoleCommand.Help) {
				HELP.forEach(this.output::launcher);
			}
			else if (command instanceof ConsoleCommand.Quit) {
				this.quit.run();
			}
			else if (command instanceof ConsoleCommand.Invalid invalid) {
				this.output.launcher(invalid.message());
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			this.output.launcher(ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static List<String> statusTable(List<ServiceStatus> rows) {
		String format = "%-22s %-8s %-6s %-9s %-7s %s";
		List<String> header = List.of(String.format(Locale.ROOT, format, "NAME", "PID", "PORT", "STATE", "HEALTH", "EXIT"));
		List<String> body = rows.stream()
			.map((row) -> String.format(Locale.ROOT, format, row.name(),
					row.pid().isPresent() ? String.valueOf(row.pid().getAsLong()) : "-", row.port(),
					row.state().name().toLowerCase(Locale.ROOT), row.healthy() ? "up" : "down",
					row.exitCode().isPresent() ? String.valueOf(row.exitCode().getAsInt()) : "")
				.stripTrailing())
			.toList();
		return Stream.concat(header.stream().map(String::stripTrailing), body.stream()).toList();
	}

}
