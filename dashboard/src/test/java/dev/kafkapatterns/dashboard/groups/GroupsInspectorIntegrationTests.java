package dev.kafkapatterns.dashboard.groups;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The groups panel's numbers on a real broker: groups with known committed offsets, a group
 * with more members than partitions, and a share group.
 */
@EmbeddedKafka(partitions = 3, topics = { GroupsInspectorIntegrationTests.TOPIC, GroupsInspectorIntegrationTests.SHARED },
		brokerProperties = { "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1" })
class GroupsInspectorIntegrationTests {

	static final String TOPIC = "orders";

	static final String SHARED = "jobs";

	private static final int RECORDS_PER_PARTITION = 10;

	private static String bootstrap;

	private static GroupsInspector inspector;

	private static Admin admin;

	private final List<Runnable> stops = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void fillTopics(EmbeddedKafkaBroker broker) throws Exception {
		bootstrap = broker.getBrokersAsString();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
			for (String topic : List.of(TOPIC, SHARED)) {
				for (int partition = 0; partition < 3; partition++) {
					for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
						producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)).get();
					}
				}
			}
		}
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
		inspector = new GroupsInspector(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
				Duration.ofSeconds(5));
	}

	@AfterAll
	static void close() {
		inspector.close();
		admin.close();
	}

	@AfterEach
	void stopConsumers() {
		this.stops.forEach(Runnable::run);
	}

	@Test
	void lagIsEndOffsetMinusCommittedOffsetPerPartition() throws Exception {
		commit("caught-up", Map.of(0, 10L, 1, 10L, 2, 10L));
		commit("behind", Map.of(0, 4L, 1, 7L));

		GroupsSnapshot snapshot = inspector.inspect();

		GroupsSnapshot.Group caughtUp = group(snapshot, "caught-up");
		// Offsets committed by a client outside any membership make a classic (simple) group.
		assertThat(caughtUp.type()).isEqualTo("classic");
		assertThat(caughtUp.state()).isEqualTo("Empty");
		assertThat(caughtUp.members()).isEmpty();
		assertThat(caughtUp.partitions()).extracting(GroupsSnapshot.Partition::lag).containsExactly(0L, 0L, 0L);
		assertThat(caughtUp.totalLag()).isZero();

		GroupsSnapshot.Group behind = group(snapshot, "behind");
		assertThat(behind.partitions()).containsExactly(new GroupsSnapshot.Partition(TOPIC, 0, null, 4L, 10L, 6L),
				new GroupsSnapshot.Partition(TOPIC, 1, null, 7L, 10L, 3L));
		assertThat(behind.totalLag()).isEqualTo(9L);
	}

	@Test
	void everyMemberShowsThePartitionsItOwnsAndAMemberBeyondThePartitionCountIsIdle() {
		for (int i = 1; i <= 4; i++) {
			consume("crowded", "crowded-member-" + i);
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			GroupsSnapshot.Group crowded = group(inspector.inspect(), "crowded");
			assertThat(crowded.state()).isEqualTo("Stable");
			assertThat(crowded.members()).hasSize(4);
			assertThat(crowded.members()).filteredOn(GroupsSnapshot.Member::idle).hasSize(1);
			assertThat(crowded.members()).filteredOn((m) -> !m.idle())
				.allSatisfy((m) -> assertThat(m.partitions()).hasSize(1));
			assertThat(crowded.members().stream().flatMap((m) -> m.partitions().stream()))
				.containsExactlyInAnyOrder(TOPIC + "-0", TOPIC + "-1", TOPIC + "-2");
			assertThat(crowded.partitions()).allSatisfy((p) -> assertThat(p.owner()).startsWith("crowded-member-"));
			// A reader that never commits has no lag to show.
			assertThat(crowded.totalLag()).isNull();
		});
	}

	@Test
	void aShareGroupShowsItsMembersAndItsStartOffsets() throws Exception {
		admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, "sharing"),
				List.of(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
			.all()
			.get();
		KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "sharing",
						ConsumerConfig.CLIENT_ID_CONFIG, "share-member-1"),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(Set.of(SHARED));
		running(() -> consumer.poll(Duration.ofMillis(100)), consumer::close);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			GroupsSnapshot.Group sharing = group(inspector.inspect(), "sharing");
			assertThat(sharing.type()).isEqualTo("share");
			assertThat(sharing.members()).singleElement()
				.satisfies((m) -> assertThat(m.partitions()).containsExactly(SHARED + "-0", SHARED + "-1", SHARED + "-2"));
			// The broker reports a share group's lag itself: records not yet acknowledged. The start
			// offset it persists may trail behind, so the panel's lag comes from the broker.
			assertThat(sharing.partitions()).allSatisfy((p) -> {
				assertThat(p.owner()).isEqualTo("share-member-1");
				assertThat(p.committedOffset()).isNotNull();
				assertThat(p.endOffset()).isEqualTo(10L);
				assertThat(p.lag()).isZero();
			});
			assertThat(sharing.totalLag()).isZero();
		});
	}

	private static GroupsSnapshot.Group group(GroupsSnapshot snapshot, String id) {
		return snapshot.groups()
			.stream()
			.filter((group) -> group.groupId().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group " + id + " in " + snapshot));
	}

	private static void commit(String group, Map<Integer, Long> offsets) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
			Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
			offsets.forEach((partition, offset) -> commits.put(new TopicPartition(TOPIC, partition),
					new OffsetAndMetadata(offset)));
			consumer.commitSync(commits);
		}
	}

	private void consume(String group, String clientId) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.CLIENT_ID_CONFIG, clientId,
				ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(Set.of(TOPIC));
		running(() -> consumer.poll(Duration.ofMillis(100)), consumer::close);
	}

	/** Polls on its own thread (a Kafka client is single-threaded) until the test ends. */
	private void running(Runnable poll, Runnable close) {
		AtomicBoolean running = new AtomicBoolean(true);
		Thread thread = new Thread(() -> {
			while (running.get()) {
				poll.run();
			}
			close.run();
		});
		thread.start();
		this.stops.add(() -> {
			running.set(false);
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

}
