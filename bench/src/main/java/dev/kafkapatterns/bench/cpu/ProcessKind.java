package dev.kafkapatterns.bench.cpu;

import java.util.List;

/**
 * What a process of the run is, from its command line: {@code benchmark} for this JVM,
 * {@code kafka} for the broker, {@code kafka-tools} for a baseline tool's JVM, else the name of
 * the jar it runs ({@code producer-service}, {@code fanout-consumers}, {@code queue-workers},
 * {@code dashboard}, {@code local-stack}) or of its program.
 */
final class ProcessKind {

	static final String BENCHMARK = "benchmark";

	static final String BROKER = "kafka";

	static final String KAFKA_TOOLS = "kafka-tools";

	private static final String KAFKA_TOOLS_PACKAGE = "org.apache.kafka.tools.";

	private ProcessKind() {
	}

	static String of(long pid, ProcessHandle.Info info) {
		if (pid == ProcessHandle.current().pid()) {
			return BENCHMARK;
		}
		return of(info.command().orElse("unknown"), info.arguments().map(List::of).orElse(List.of()));
	}

	static String of(String command, List<String> arguments) {
		if (arguments.contains("kafka.Kafka")) {
			return BROKER;
		}
		if (arguments.stream().anyMatch((argument) -> argument.startsWith(KAFKA_TOOLS_PACKAGE))) {
			return KAFKA_TOOLS;
		}
		int jar = arguments.indexOf("-jar");
		if (jar >= 0 && jar + 1 < arguments.size()) {
			return baseName(arguments.get(jar + 1)).replaceFirst("\\.jar$", "");
		}
		return baseName(command);
	}

	private static String baseName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
