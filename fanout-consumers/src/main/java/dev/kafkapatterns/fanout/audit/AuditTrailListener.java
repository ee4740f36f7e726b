package dev.kafkapatterns.fanout.audit;

import java.io.IOException;
import java.time.Clock;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.fanout.roles.ConditionalOnFanoutRole;
import dev.kafkapatterns.fanout.roles.FanoutRole;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ConsumerIdentity;
import dev.kafkapatterns.support.delivery.DeliveryRecorder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The audit role. Its own consumer group, {@code fanout-audit}, is what makes it receive every
 * event, whatever the other roles do.
 */
@Component
@ConditionalOnFanoutRole(FanoutRole.AUDIT)
class AuditTrailListener {

	private static final ConsumerIdentity AUDIT = FanoutRole.AUDIT.identity();

	private final AuditTrail trail;

	private final DeliveryRecorder recorder;

	private final String instance;

	private final Clock clock = Clock.systemUTC();

	AuditTrailListener(AuditProperties properties, JsonMapper json, DeliveryRecorder recorder,
			@Value("${app.instance-id}") String instance) {
		this.trail = new AuditTrail(properties.file(), json, properties.fsync());
		this.recorder = recorder;
		this.instance = instance;
	}

	@KafkaListener(id = "fanout-audit", groupId = "fanout-audit", topics = "${app.topics.events}",
			clientIdPrefix = "fanout-audit-${app.instance-id}")
	void on(ConsumerRecord<String, Event> record, @Header(KafkaHeaders.DELIVERY_ATTEMPT) int deliveryAttempt) {
		Event event = record.value();
		this.recorder.failIfRequested(AUDIT, event, deliveryAttempt);
		this.trail.append(new AuditEntry(event.id(), event.type(), event.key(), event.payload(), event.occurredAt(),
				record.partition(), record.offset(), this.instance, this.clock.instant()));
		this.recorder.processed(AUDIT, record, "appended to " + this.trail.file().getFileName());
	}

	@PreDestroy
	void close() throws IOException {
		this.trail.close();
	}

}
