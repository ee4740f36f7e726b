package dev.kafkapatterns.localstack.cli;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleCommandTests {

	@Test
	void readsEveryCommand() {
		assertThat(parse("scale 5")).isEqualTo(new ConsoleCommand.Scale(5));
		assertThat(parse("scale 0")).isEqualTo(new ConsoleCommand.Scale(0));
		assertThat(parse("stop queue-worker-2")).isEqualTo(new ConsoleCommand.Stop("queue-worker-2"));
		assertThat(parse("start kafka")).isEqualTo(new ConsoleCommand.Start("kafka"));
		assertThat(parse("kill fanout-audit")).isEqualTo(new ConsoleCommand.Kill("fanout-audit"));
		assertThat(parse("status")).isEqualTo(new ConsoleCommand.Status());
		assertThat(parse("help")).isEqualTo(new ConsoleCommand.Help());
		assertThat(parse("quit")).isEqualTo(new ConsoleCommand.Quit());
	}

	@Test
	void toleratesCaseAndSpaces() {
		assertThat(parse("  SCALE   3  ")).isEqualTo(new ConsoleCommand.Scale(3));
		assertThat(parse("Stop\tqueue-worker-1")).isEqualTo(new ConsoleCommand.Stop("queue-worker-1"));
	}

	@Test
	void ignoresBlankLines() {
		assertThat(ConsoleCommand.parse("")).isEmpty();
		assertThat(ConsoleCommand.parse("   ")).isEmpty();
	}

	@Test
	void anUnknownCommandListsTheKnownOnes() {
		assertThat(invalid("restart kafka")).isEqualTo(
				"Unknown command 'restart'. Commands: scale N, stop NAME, start NAME, kill NAME, status, help, quit");
	}

	@Test
	void explainsWhatAMistakenCommandNeeds() {
		assertThat(invalid("scale")).startsWith("Usage: scale N");
		assertThat(invalid("scale many")).isEqualTo("scale needs a number of workers, not 'many'");
		assertThat(invalid("scale -1")).isEqualTo("scale needs 0 or more workers, not -1");
		assertThat(invalid("stop")).startsWith("Usage: stop NAME");
		assertThat(invalid("kill a b")).startsWith("Usage: kill NAME");
		assertThat(invalid("status now")).isEqualTo("'status' takes no arguments");
	}

	private static ConsoleCommand parse(String line) {
		Optional<ConsoleCommand> command = ConsoleCommand.parse(line);
		assertThat(command).isPresent();
		return command.get();
	}

	private static String invalid(String line) {
		assertThat(parse(line)).isInstanceOf(ConsoleCommand.Invalid.class);
		return ((ConsoleCommand.Invalid) parse(line)).message();
	}

}
