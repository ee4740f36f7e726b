package dev.kafkapatterns.bench.stack;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The system under test: a Kafka broker and a producer-service, either started by the benchmark
 * through local-stack (then the benchmark can also scale the workers and stop consumers) or
 * already running somewhere else.
 */
public interface TargetStack extends AutoCloseable {

	/** The broker's bootstrap servers, for the baselines and the receipt reader. */
	String bootstrapServers();

	/** The producer-service's base URL, for example {@code http://localhost:8080}. */
	URI producerUrl();

	/** Whether the benchmark started these processes and so may scale and stop them. */
	boolean controlsProcesses();

	/** How the stack was started, for the report. */
	String describe();

	/**
	 * Runs this many queue workers, and returns once the stack says they run.
	 * @param workers the number of workers
	 * @param timeout how long to wait for the stack's answer
	 * @throws IllegalStateException when the benchmark does not control the processes
	 */
	void scaleWorkers(int workers, Duration timeout) throws InterruptedException;

	/**
	 * Stops these processes gracefully (SIGTERM), for example the fanout services.
	 * @param names process names as local-stack knows them
	 * @throws IllegalStateException when the benchmark does not control the processes
	 */
	void stopProcesses(List<String> names);

	@Override
	void close();

}
