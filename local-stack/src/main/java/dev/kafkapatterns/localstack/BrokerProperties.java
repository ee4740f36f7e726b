package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server.properties} of a single-node KRaft cluster: one process that is both broker
 * and controller, with every replication factor at 1 and timings made for a laptop demo.
 */
final class BrokerProperties {

	private BrokerProperties() {
	}

	/**
	 * The settings, in the order they are written.
	 * @param kafkaPort the client (PLAINTEXT) port
	 * @param controllerPort the KRaft controller port
	 * @param dataDirectory the log and metadata directory
	 * @return the settings by name
	 */
	static Map<String, String> of(int kafkaPort, int controllerPort, Path dataDirectory) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		// A dynamic quorum (KIP-853) of this one node, as "kafka-storage format --standalone" expects.
		properties.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://localhost:" + kafkaPort + ",CONTROLLER://localhost:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + kafkaPort);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", dataDirectory.toAbsolutePath().toString());
		// One broker: every internal topic must make do with one replica.
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		// Topics are created on purpose, by producer-service, never by a typo in a consumer.
		properties.put("auto.create.topics.enable", "false");
		// Classic groups form at once instead of waiting 3 s for more members.
		properties.put("group.initial.rebalance.delay.ms", "0");
		// KIP-848 groups: the defaults (5 s heartbeat, 45 s session) make a killed worker's
		// partitions wait 45 s for a new owner. With these a demo shows the rebalance within ~10 s.
		// The broker rejects an interval or timeout below its minimum, so the minimums come down too.
		properties.put("group.consumer.heartbeat.interval.ms", "1000");
		properties.put("group.consumer.min.heartbeat.interval.ms", "500");
		properties.put("group.consumer.session.timeout.ms", "10000");
		properties.put("group.consumer.min.session.timeout.ms", "6000");
		// After a crash (kill kafka) the restarted broker cannot register until the controller has
		// fenced its previous incarnation, which takes the broker session timeout: 9 s by default.
		properties.put("broker.session.timeout.ms", "4000");
		properties.put("broker.heartbeat.interval.ms", "1000");
		// The log cleaner allocates its dedupe buffer (128 MB by default) on the heap at start-up;
		// the few compacted internal topics of a demo need far less.
		properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
		return properties;
	}

	/**
	 * The settings as the text of a properties file.
	 * @param kafkaPort the client (PLAINTEXT) port
	 * @param controllerPort the KRaft controller port
	 * @param dataDirectory the log and metadata directory
	 * @return the file content
	 */
	static String render(int kafkaPort, int controllerPort, Path dataDirectory) {
		StringBuilder text = new StringBuilder("# Written by local-stack: a single-node KRaft cluster for local development.\n");
		of(kafkaPort, controllerPort, dataDirectory)
			.forEach((name, value) -> text.append(name).append('=').append(escape(value)).append('\n'));
		return text.toString();
	}

	// Properties files treat a backslash as an escape (Windows paths) and ':' and '=' in keys only.
	private static String escape(String value) {
		return value.replace("\\", "\\\\");
	}

}
