package dev.kafkapatterns.producer.publish;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.model.EventHeaders;
import dev.kafkapatterns.producer.ApiClient;
import dev.kafkapatterns.producer.ApiClient.Answer;
import dev.kafkapatterns.producer.EventsTopic;
import dev.kafkapatterns.producer.ProducerServiceTest;
import dev.kafkapatterns.producer.idempotency.KeyRecord;
import dev.kafkapatterns.producer.idempotency.KeyRecord.Acknowledgement;
import dev.kafkapatterns.producer.idempotency.RequestFingerprint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on a real broker: a repeated request publishes nothing, a reused key is
 * refused, a key held by a request in flight elsewhere is refused, and the rest of a partly
 * acknowledged request is published under the ids it was given. The records another instance
 * would write are written here straight to the key topic.
 */
@ProducerServiceTest
class IdempotencyIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JsonMapper json;

	ApiClient api;

	EventsTopic events;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.events = new EventsTopic(this.bootstrapServers, "events");
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void repeatedRequestGetsTheStoredAnswerAndPublishesNothingNew() {
		String key = "order-" + UUID.randomUUID();
		Answer first = post("/api/events", "{\"type\":\"payment.requested\",\"key\":\"c-1\"}", key);
		long size = this.events.size();

		Answer repeated = post("/api/events", "{\"type\":\"payment.requested\",\"key\":\"c-1\"}", key);

		assertThat(first.status()).isEqualTo(202);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(repeated.status()).isEqualTo(202);
		assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeated.json()).isEqualTo(first.json());
		assertThat(repeated.location()).isEqualTo(first.location());
		assertThat(this.events.size()).isEqualTo(size);
	}

	@Test
	void sameKeyWithAnotherBodyIsRefusedAndPublishesNothing() {
		String key = "order-" + UUID.randomUUID();
		assertThat(post("/api/events", "{\"type\":\"payment.requested\"}", key).status()).isEqualTo(202);
		long size = this.events.size();

		Answer other = post("/api/events", "{\"type\":\"payment.refunded\"}", key);
		Answer otherPath = post("/api/events/batch", "[{\"type\":\"payment.requested\"}]", key);

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.json().get("type").asString()).endsWith("/problems/idempotency-key-reused");
		assertThat(otherPath.status()).isEqualTo(422);
		assertThat(this.events.size()).isEqualTo(size);
	}

	@Test
	void idsFromOneKeyNeverCollideWithAnotherKeysIds() {
		String key = "k-" + UUID.randomUUID();
		Answer batch = post("/api/events/batch", "[{\"type\":\"a\"},{\"type\":\"b\"}]", key);
		Answer single = post("/api/events", "{\"type\":\"a\"}", key + "#0");

		assertThat(batch.status()).isEqualTo(202);
		assertThat(single.status()).isEqualTo(202);
		assertThat(single.json().get("id").asString()).isNotEqualTo(batch.json().get("results").get(0).get("id").asString())
			.isNotEqualTo(batch.json().get("results").get(1).get("id").asString());
	}

	@Test
	void keyHeldByARequestInFlightOnAnotherInstanceIs409() throws Exception {
		String key = "k-" + UUID.randomUUID();
		String body = "{\"type\":\"payment.requested\"}";
		writeKeyRecord(key, new KeyRecord("elsewhere", fingerprint("/api/events", body), Instant.now(),
				List.of(UUID.randomUUID().toString()), Arrays.asList((Acknowledgement) null), true));
		long size = this.events.size();

		Answer answer = post("/api/events", body, key);

		assertThat(answer.status()).as(answer.body()).isEqualTo(409);
		assertThat(answer.json().get("type").asString()).endsWith("/problems/idempotency-key-in-use");
		assertThat(this.events.size()).isEqualTo(size);
	}

	@Test
	void retryOfAPartlyAcknowledgedBatchPublishesOnlyTheRestUnderTheSameIds() throws Exception {
		// An earlier attempt: event 0 was acknowledged (it is in the log), event 1 was not.
		Answer earlier = this.api.postJson("/api/events", "{\"type\":\"job.created\",\"key\":\"tenant-1\"}");
		JsonNode written = earlier.json();
		String key = "k-" + UUID.randomUUID();
		String body = "[{\"type\":\"job.created\",\"key\":\"tenant-1\"},{\"type\":\"job.created\",\"key\":\"tenant-2\"}]";
		String missingId = UUID.randomUUID().toString();
		writeKeyRecord(key, new KeyRecord("earlier", fingerprint("/api/events/batch", body), Instant.now(),
				List.of(written.get("id").asString(), missingId),
				Arrays.asList(new Acknowledgement("events", written.get("partition").asInt(), written.get("offset").asLong(),
						Instant.parse(written.get("timestamp").asString())), null),
				false));
		long size = this.events.size();

		Answer retry = post("/api/events/batch", body, key);

		assertThat(retry.status()).as(retry.body()).isEqualTo(202);
		JsonNode results = retry.json().get("results");
		assertThat(results.get(0)).isEqualTo(written);
		assertThat(results.get(1).get("id").asString()).isEqualTo(missingId);
		ConsumerRecord<String, String> record = this.events.read(results.get(1).get("partition").asInt(),
				results.get(1).get("offset").asLong());
		assertThat(new String(record.headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8))
			.isEqualTo(missingId);
		assertThat(record.key()).isEqualTo("tenant-2");
		assertThat(this.events.size()).isEqualTo(size + 1);
		Answer again = post("/api/events/batch", body, key);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json()).isEqualTo(retry.json());
		assertThat(this.events.size()).isEqualTo(size + 1);
	}

	@Test
	void nonAsciiKeyIsRefusedSayingWhatAKeyMayHold() throws Exception {
		// Raw bytes: Java's HTTP client would replace the non-ASCII bytes with '?'.
		byte[] body = "{\"type\":\"a\"}".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Connection: close\r\nContent-Length: " + body.length + "\r\nIdempotency-Key: pay")
			.getBytes(StandardCharsets.US_ASCII));
		// The euro sign in UTF-8: E2 82 AC, whose 0x82 used to be reported as a "control character".
		request.writeBytes(new byte[] { (byte) 0xE2, (byte) 0x82, (byte) 0xAC });
		request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		request.writeBytes(body);
		long size = this.events.size();
		String answer;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream().write(request.toByteArray());
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}

		assertThat(answer).startsWith("HTTP/1.1 400")
			.contains("application/problem+json")
			.contains("must be 1 to 255 printable ASCII characters (0x20 to 0x7E); byte 0xE2 at position 3 is not printable ASCII")
			.doesNotContain("control characters");
		assertThat(this.events.size()).isEqualTo(size);
	}

	private Answer post(String path, String body, String key) {
		return this.api.post(path, body.getBytes(StandardCharsets.UTF_8), "application/json", "Idempotency-Key", key);
	}

	private static String fingerprint(String path, String body) {
		return RequestFingerprint.of("POST", path, body.getBytes(StandardCharsets.UTF_8));
	}

	private void writeKeyRecord(String key, KeyRecord record) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("idempotency-keys", key, this.json.writeValueAsBytes(record))).get();
		}
	}

}
