package dev.kafkapatterns.fanout.notifications;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.kafkapatterns.fanout.roles.ConditionalOnFanoutRole;
import dev.kafkapatterns.fanout.roles.FanoutRole;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ConsumerIdentity;
import dev.kafkapatterns.support.delivery.DeliveryRecorder;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The notifications role, in its own consumer group {@code fanout-notifications}: every event,
 * rendered as a message and logged (where a real system would send an e-mail or a push).
 */
@Component
@ConditionalOnFanoutRole(FanoutRole.NOTIFICATIONS)
class NotificationListener {

	private static final ConsumerIdentity NOTIFICATIONS = FanoutRole.NOTIFICATIONS.identity();

	private final NotificationRenderer renderer = new NotificationRenderer();

	private final DeliveryRecorder recorder;

	NotificationListener(DeliveryRecorder recorder) {
		this.recorder = recorder;
	}

	@KafkaListener(id = "fanout-notifications", groupId = "fanout-notifications", topics = "${app.topics.events}",
			clientIdPrefix = "fanout-notifications-${app.instance-id}")
	void on(ConsumerRecord<String, Event> record, @Header(KafkaHeaders.DELIVERY_ATTEMPT) int deliveryAttempt) {
		this.recorder.failIfRequested(NOTIFICATIONS, record.value(), deliveryAttempt);
		this.recorder.processed(NOTIFICATIONS, record, "notify: " + this.renderer.render(record.value()));
	}

}
