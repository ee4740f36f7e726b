package dev.kafkapatterns.localstack.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.localstack.ServiceState;
import dev.kafkapatterns.localstack.ServiceStatus;

import static org.assertj.core.api.Assertions.assertThat;

class CommandConsoleTests {

	@Test
	void theStatusTableShowsPidPortStateHealthAndExitCode() {
		List<String> table = CommandConsole.statusTable(List.of(
				new ServiceStatus("kafka", OptionalLong.of(101), 9092, ServiceState.RUNNING, OptionalInt.empty(), true),
				new ServiceStatus("queue-worker-2", OptionalLong.of(202), 40123, ServiceState.KILLED, OptionalInt.of(137),
						false),
				new ServiceStatus("queue-worker-3", OptionalLong.empty(), 40124, ServiceState.STOPPED,
						OptionalInt.empty(), false)));

		assertThat(table).containsExactly("NAME                   PID      PORT   STATE     HEALTH  EXIT",
				"kafka                  101      9092   running   up",
				"queue-worker-2         202      40123  killed    down    137",
				"queue-worker-3         -        40124  stopped   down");
	}

	@Test
	void helpNamesEveryCommandAndEveryProcess() {
		assertThat(String.join("\n", CommandConsole.HELP)).contains("scale N", "stop NAME", "start NAME", "kill NAME",
				"status", "help", "quit", "kafka", "producer-service", "fanout-audit", "fanout-notifications",
				"fanout-monitoring", "queue-worker-N");
	}

}
