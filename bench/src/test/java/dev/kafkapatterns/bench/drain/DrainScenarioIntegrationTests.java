package dev.kafkapatterns.bench.drain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.bench.drain.DrainScenario.DrainResult;
import dev.kafkapatterns.bench.drain.DrainScenario.GroupDrain;
import dev.kafkapatterns.bench.kafka.EventWriter;
import dev.kafkapatterns.bench.kafka.GroupAdmin;
import dev.kafkapatterns.bench.kafka.ReceiptWatcher;
import dev.kafkapatterns.model.DeliveryReceipt;
import dev.kafkapatterns.model.EventHeaders;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drain on a real broker, with a stand-in for a group that processes every event beside a
 * group that processes none: the receipts are read only after the groups are done or the time ran
 * out, and the group that finished is reported as such even when the other never does.
 */
@EmbeddedKafka(partitions = 2, topics = { DrainScenarioIntegrationTests.EVENTS, DrainScenarioIntegrationTests.RECEIPTS })
class DrainScenarioIntegrationTests {

	static final String EVENTS = "events";

	static final String RECEIPTS = "event-receipts";

	private static final String AUDIT = "fanout-audit";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BACKLOG = 300;

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private EmbeddedKafkaBroker broker;

	private Thread audit;

	@BeforeEach
	void start(EmbeddedKafkaBroker broker) {
		this.broker = broker;
		this.audit = new Thread(this::processEveryEventAsAudit, "stand-in-audit");
		this.audit.setDaemon(true);
		this.audit.start();
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.audit.interrupt();
		this.audit.join(10_000);
	}

	@Test
	void aGroupThatFinishedIsReportedWhileAnotherNeverDoes() throws Exception {
		String servers = this.broker.getBrokersAsString();
		try (EventWriter writer = new EventWriter(servers, EVENTS);
				ReceiptWatcher receipts = ReceiptWatcher.start(servers, RECEIPTS);
				GroupAdmin admin = new GroupAdmin(servers)) {
			DrainResult drain = DrainScenario.run(writer, receipts, admin, List.of(AUDIT, "never"), BACKLOG, TIMEOUT);

			assertThat(drain.complete()).isFalse();
			GroupDrain finished = drain.groups().get(0);
			assertThat(finished.processed()).isEqualTo(BACKLOG);
			assertThat(finished.duplicates()).isZero();
			assertThat(finished.seconds()).isPositive().isLessThan(TIMEOUT.toSeconds());
			GroupDrain never = drain.groups().get(1);
			assertThat(never.processed()).isZero();
			assertThat(never.missing()).isEqualTo(BACKLOG);
		}
	}

	/** Reads every event and writes a receipt for it, as the audit group would. */
	private void processEveryEventAsAudit() {
		String servers = this.broker.getBrokersAsString();
		try (KafkaConsumer<String, byte[]> events = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, AUDIT,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
				KafkaProducer<String, byte[]> receipts = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(),
						new ByteArraySerializer())) {
			events.subscribe(List.of(EVENTS));
			while (!Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(100))) {
					String id = new String(event.headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8);
					DeliveryReceipt receipt = new DeliveryReceipt(id, AUDIT, AUDIT, "audit-1", event.partition(),
							event.offset(), Instant.now());
					receipts.send(new ProducerRecord<>(RECEIPTS, id, JSON.writeValueAsBytes(receipt)));
				}
			}
		}
		catch (InterruptException ex) {
			// Stopped by the test.
		}
	}

}
