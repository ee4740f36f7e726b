package dev.kafkapatterns.bench.stack;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A stack that runs already ({@code --bootstrap-servers} and {@code --producer-url}): the
 * benchmark only talks to it, so the scaling scenario and stopping consumers are not available.
 *
 * @param bootstrapServers the broker's bootstrap servers
 * @param producerUrl the producer-service's base URL
 */
public record ExternalStack(String bootstrapServers, URI producerUrl) implements TargetStack {

	@Override
	public boolean controlsProcesses() {
		return false;
	}

	@Override
	public String describe() {
		return "a running stack: Kafka " + this.bootstrapServers + ", producer-service " + this.producerUrl;
	}

	@Override
	public void scaleWorkers(int workers, Duration timeout) {
		throw new IllegalStateException("scaling the workers needs a stack the benchmark starts itself "
				+ "(leave out --bootstrap-servers and --producer-url)");
	}

	@Override
	public void stopProcesses(List<String> names) {
		throw new IllegalStateException("stopping processes needs a stack the benchmark starts itself");
	}

	@Override
	public void close() {
		// Not ours to stop.
	}

}
