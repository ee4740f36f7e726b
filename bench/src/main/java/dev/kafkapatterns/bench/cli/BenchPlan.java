package dev.kafkapatterns.bench.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.kafkapatterns.bench.baseline.BaselineSettings;
import dev.kafkapatterns.bench.rest.RestPublishScenario.RestSettings;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingSettings;
import dev.kafkapatterns.bench.stack.LocalStackSettings;

/**
 * Everything one run does, from the command line.
 *
 * @param command the command line, for the report
 * @param project the project directory
 * @param output where the results go
 * @param logs where the logs of local-stack and the tools go
 * @param bootstrapServers a running stack's broker, or {@code null} to start one
 * @param producerUrl a running stack's producer-service, or {@code null} to start one
 * @param localStack how to start local-stack when no running stack is given
 * @param scenarios the scenarios to run
 * @param fanoutGroups the fanout groups, which are also local-stack's process names
 * @param baselines the baselines' sizes
 * @param rest the REST workloads
 * @param restWithConsumers keep the consumers running while REST publishing is measured
 * @param warmupEvents events every group processes before the drain, not measured
 * @param drainEvents the drain's backlog
 * @param latencyRate events per second offered in the latency scenario
 * @param latencySweep more rates, each offered after it in the same way
 * @param latencyWarmup how long the same rate is offered first, not measured
 * @param latencyDuration how long they are offered
 * @param scaling the scaling scenario
 * @param settleTimeout how long the groups get to process a scenario's events
 */
record BenchPlan(String command, Path project, Path output, Path logs, String bootstrapServers, URI producerUrl,
		LocalStackSettings localStack, Set<Scenario> scenarios, List<String> fanoutGroups, BaselineSettings baselines,
		RestSettings rest, boolean restWithConsumers, int warmupEvents, int drainEvents, double latencyRate,
		List<Double> latencySweep, Duration latencyWarmup, Duration latencyDuration, ScalingSettings scaling, Duration settleTimeout) {

	/** The receipts topic, as every service names it by default. */
	static final String RECEIPTS_TOPIC = "event-receipts";

	/** The events topic, as every service names it by default. */
	static final String EVENTS_TOPIC = "events";

	boolean runs(Scenario scenario) {
		return this.scenarios.contains(scenario);
	}

	boolean startsStack() {
		return this.bootstrapServers == null;
	}

	/** Every group that processes every event: the fanout groups and the workers' group. */
	List<String> groups() {
		List<String> groups = new ArrayList<>(this.fanoutGroups);
		groups.add(this.localStack.workerMode().groupId());
		return groups;
	}

	/** The scenarios, in the order a run does them. */
	enum Scenario {

		BASELINES, DRAIN, LATENCY, SCALING, REST

	}

}
