package dev.kafkapatterns.fanout.monitoring;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.fanout.roles.ConditionalOnFanoutRole;
import dev.kafkapatterns.fanout.roles.FanoutRole;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.ConsumerIdentity;
import dev.kafkapatterns.support.delivery.DeliveryRecorder;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monitoring role, in its own consumer group {@code fanout-monitoring}: counts every event
 * per type and logs a summary every {@code fanout.monitoring.summary-interval}.
 */
@Component
@ConditionalOnFanoutRole(FanoutRole.MONITORING)
class MonitoringListener {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringListener.class);

	private static final ConsumerIdentity MONITORING = FanoutRole.MONITORING.identity();

	private final EventMetrics metrics;

	private final DeliveryRecorder recorder;

	private final MonitoringProperties properties;

	private final Clock clock = Clock.systemUTC();

	MonitoringListener(MeterRegistry registry, MonitoringProperties properties, DeliveryRecorder recorder) {
		this.metrics = new EventMetrics(registry, properties.maxTypes());
		this.properties = properties;
		this.recorder = recorder;
	}

	@KafkaListener(id = "fanout-monitoring", groupId = "fanout-monitoring", topics = "${app.topics.events}",
			clientIdPrefix = "fanout-monitoring-${app.instance-id}")
	void on(ConsumerRecord<String, Event> record, @Header(KafkaHeaders.DELIVERY_ATTEMPT) int deliveryAttempt) {
		this.recorder.failIfRequested(MONITORING, record.value(), deliveryAttempt);
		String countedAs = this.metrics.record(record.value(), this.clock.instant());
		this.recorder.processed(MONITORING, record, "counted as events.received{type=" + countedAs + "}");
	}

	@Scheduled(fixedDelayString = "${fanout.monitoring.summary-interval:30s}",
			initialDelayString = "${fanout.monitoring.summary-interval:30s}")
	void logSummary() {
		EventMetrics.Summary summary = this.metrics.drainSummary();
		if (summary.count() == 0) {
			return;
		}
		double seconds = this.properties.summaryInterval().toMillis() / 1000.0;
		logger.info("summary: {} events in the last {}s ({}/s), {} since start; by type: {}; max latency {} ms",
				summary.count(), Math.round(seconds), String.format("%.1f", summary.count() / seconds), summary.total(),
				summary.describeTypes(), summary.maxLatencyMillis());
	}

}
