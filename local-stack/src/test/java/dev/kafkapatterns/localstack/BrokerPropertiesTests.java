package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerPropertiesTests {

	private final Properties properties = parse(BrokerProperties.render(19092, 19093, Path.of("/data/kafka")));

	@Test
	void isOneCombinedKraftNodeOnLocalhost() {
		assertThat(this.properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
			.containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("controller.quorum.bootstrap.servers", "localhost:19093")
			.containsEntry("log.dirs", Path.of("/data/kafka").toAbsolutePath().toString());
	}

	@Test
	void everyInternalTopicMakesDoWithOneReplica() {
		assertThat(this.properties).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("share.coordinator.state.topic.min.isr", "1");
	}

	@Test
	void topicsAreNeverCreatedByAccident() {
		assertThat(this.properties).containsEntry("auto.create.topics.enable", "false");
	}

	@Test
	void consumerGroupTimingsAreQuickAndWithinTheBrokersOwnBounds() {
		int heartbeat = intValue("group.consumer.heartbeat.interval.ms");
		int minHeartbeat = intValue("group.consumer.min.heartbeat.interval.ms");
		int session = intValue("group.consumer.session.timeout.ms");
		int minSession = intValue("group.consumer.min.session.timeout.ms");

		assertThat(session).isEqualTo(10_000);
		assertThat(heartbeat).isEqualTo(1_000).isGreaterThanOrEqualTo(minHeartbeat).isLessThan(session);
		assertThat(session).isGreaterThanOrEqualTo(minSession);
		assertThat(this.properties).containsEntry("group.initial.rebalance.delay.ms", "0");
	}

	@Test
	void aCrashedBrokerIsFencedQuicklySoItsRestartCanRegister() {
		int session = intValue("broker.session.timeout.ms");

		assertThat(session).isLessThan(9000);
		assertThat(intValue("broker.heartbeat.interval.ms")).isLessThan(session / 2);
	}

	@Test
	void backslashesInTheDataDirectorySurviveTheRoundTrip() {
		Path windowsLike = Path.of("C:\\Users\\dev\\kafka");

		Properties parsed = parse(BrokerProperties.render(9092, 9093, windowsLike));

		assertThat(parsed.getProperty("log.dirs")).isEqualTo(windowsLike.toAbsolutePath().toString());
	}

	private int intValue(String name) {
		return Integer.parseInt(this.properties.getProperty(name));
	}

	private static Properties parse(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
