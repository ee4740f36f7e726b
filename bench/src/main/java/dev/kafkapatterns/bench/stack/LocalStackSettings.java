package dev.kafkapatterns.bench.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start local-stack.
 *
 * @param jar {@code local-stack/target/local-stack.jar}
 * @param workers queue workers to start with
 * @param workerMode how the workers consume
 * @param extraArguments more local-stack arguments, passed as they are
 * @param logFile where local-stack's output goes
 * @param readyTimeout how long to wait for {@code Stack ready}
 */
public record LocalStackSettings(Path jar, int workers, WorkerMode workerMode, List<String> extraArguments,
		Path logFile, Duration readyTimeout) {

	public LocalStackSettings {
		extraArguments = List.copyOf(extraArguments);
	}

	List<String> workerModeArguments() {
		return this.workerMode.localStackArguments();
	}

}
