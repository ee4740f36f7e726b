package dev.kafkapatterns.fanout.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.fanout.roles.ConditionalOnFanoutRole;
import dev.kafkapatterns.fanout.roles.FanoutRole;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.EventBatchProcessor;
import dev.kafkapatterns.support.delivery.EventProcessors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The audit role. Its own consumer group, {@code fanout-audit}, is what makes it receive every
 * event, whatever the other roles do.
 */
@Component
@ConditionalOnFanoutRole(FanoutRole.AUDIT)
class AuditTrailListener {

	private final AuditTrail trail;

	private final EventBatchProcessor processor;

	private final String instance;

	private final Clock clock = Clock.systemUTC();

	AuditTrailListener(AuditProperties properties, JsonMapper json, EventProcessors processors,
			@Value("${app.instance-id}") String instance) {
		this.trail = new AuditTrail(properties.file(), json, properties.fsync());
		this.processor = processors.forConsumer(FanoutRole.AUDIT.identity());
		this.instance = instance;
	}

	@KafkaListener(id = "fanout-audit", groupId = "fanout-audit", topics = "${app.topics.events}",
			clientIdPrefix = "fanout-audit-${app.instance-id}")
	void on(List<ConsumerRecord<String, Event>> records, Acknowledgment acknowledgment) {
		this.processor.process(records, acknowledgment, this::append);
	}

	private String append(ConsumerRecord<String, Event> record) {
		Event event = record.value();
		this.trail.append(new AuditEntry(event.id(), event.type(), event.key(), event.payload(), event.occurredAt(),
				record.partition(), record.offset(), this.instance, this.clock.instant()));
		return "appended to " + this.trail.file().getFileName();
	}

	@PreDestroy
	void close() throws IOException {
		this.trail.close();
	}

}
