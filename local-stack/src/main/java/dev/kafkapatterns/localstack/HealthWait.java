package dev.kafkapatterns.localstack;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * Waits until children are healthy, printing a line for each as it turns healthy, and says why
 * one is not.
 */
final class HealthWait {

	// Often enough that a service is seen healthy soon after it is; a refused connection to a
	// service that does not listen yet costs nothing.
	private static final Duration POLL = Duration.ofMillis(200);

	private final PrefixedOutput output;

	HealthWait(PrefixedOutput output) {
		this.output = output;
	}

	/**
	 * Polls the health of each child until all are healthy, the deadline ({@link System#nanoTime()})
	 * passes or none of the unhealthy ones is alive any more.
	 * @return the children that are not healthy
	 */
	Collection<ChildProcess> awaitHealthy(Collection<ChildProcess> children, long deadline)
			throws InterruptedException {
		return awaitHealthy(children, deadline, (healthy) -> List.of());
	}

	/**
	 * Like {@link #awaitHealthy(Collection, long)}, and as each child turns healthy, starts what
	 * waited for it and waits for that too.
	 * @param next what to start once a child is healthy, and wait for
	 * @return the children that are not healthy
	 */
	Collection<ChildProcess> awaitHealthy(Collection<ChildProcess> children, long deadline,
			Function<ChildProcess, Collection<ChildProcess>> next) throws InterruptedException {
		Set<ChildProcess> waiting = new LinkedHashSet<>(children);
		while (!waiting.isEmpty()) {
			for (ChildProcess child : List.copyOf(waiting)) {
				if (child.probeHealthy()) {
					this.output.launcher(child.name() + " healthy after "
							+ String.format(Locale.ROOT, "%.1f s", child.uptimeSeconds()));
					waiting.remove(child);
					waiting.addAll(next.apply(child));
				}
			}
			if (waiting.isEmpty() || System.nanoTime() > deadline || waiting.stream().noneMatch(ChildProcess::isAlive)) {
				break;
			}
			Thread.sleep(POLL.toMillis());
		}
		return waiting;
	}

	/** Prints why each child is not healthy. */
	void report(Collection<ChildProcess> unhealthy) {
		unhealthy.forEach((child) -> this.output.launcher("not healthy: " + whyUnhealthy(child)));
	}

	static String whyUnhealthy(ChildProcess child) {
		if (!child.isAlive()) {
			return child.name() + " (exited with code " + child.exitCode().orElse(-1) + ")";
		}
		return child.name() + " (no healthy answer on port " + child.port() + ")";
	}

}
