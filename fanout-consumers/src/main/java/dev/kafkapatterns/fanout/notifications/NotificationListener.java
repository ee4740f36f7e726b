package dev.kafkapatterns.fanout.notifications;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.fanout.roles.ConditionalOnFanoutRole;
import dev.kafkapatterns.fanout.roles.FanoutRole;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.EventBatchProcessor;
import dev.kafkapatterns.support.delivery.EventProcessors;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The notifications role, in its own consumer group {@code fanout-notifications}: every event,
 * rendered as a message and logged (where a real system would send an e-mail or a push).
 */
@Component
@ConditionalOnFanoutRole(FanoutRole.NOTIFICATIONS)
class NotificationListener {

	private final NotificationRenderer renderer = new NotificationRenderer();

	private final EventBatchProcessor processor;

	NotificationListener(EventProcessors processors) {
		this.processor = processors.forConsumer(FanoutRole.NOTIFICATIONS.identity());
	}

	@KafkaListener(id = "fanout-notifications", groupId = "fanout-notifications", topics = "${app.topics.events}",
			clientIdPrefix = "fanout-notifications-${app.instance-id}")
	void on(List<ConsumerRecord<String, Event>> records, Acknowledgment acknowledgment) {
		this.processor.process(records, acknowledgment,
				(record) -> "notify: " + this.renderer.render(record.value()));
	}

}
