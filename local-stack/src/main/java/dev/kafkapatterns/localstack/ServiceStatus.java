package dev.kafkapatterns.localstack;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of {@link LocalStack#status()}.
 *
 * @param name the process name, for example {@code kafka} or {@code queue-worker-2}
 * @param pid the process id of the current or last run, empty if it never started
 * @param port the HTTP port of a service, the client port of the broker
 * @param state the lifecycle state
 * @param exitCode the exit code once the process has exited
 * @param healthy whether it answered a health check just now
 */
public record ServiceStatus(String name, OptionalLong pid, int port, ServiceState state, OptionalInt exitCode,
		boolean healthy) {
}
