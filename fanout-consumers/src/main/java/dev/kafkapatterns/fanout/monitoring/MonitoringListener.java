package dev.kafkapatterns.fanout.monitoring;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.fanout.roles.ConditionalOnFanoutRole;
import dev.kafkapatterns.fanout.roles.FanoutRole;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.delivery.EventBatchProcessor;
import dev.kafkapatterns.support.delivery.EventProcessors;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The monitoring role, in its own consumer group {@code fanout-monitoring}: counts every event
 * per type and logs a summary every {@code fanout.monitoring.summary-interval}.
 */
@Component
@ConditionalOnFanoutRole(FanoutRole.MONITORING)
class MonitoringListener {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringListener.class);

	private final EventMetrics metrics;

	private final EventBatchProcessor processor;

	private final MonitoringProperties properties;

	private final ScheduledFuture<?> summaries;

	private final Clock clock = Clock.systemUTC();

	MonitoringListener(MeterRegistry registry, MonitoringProperties properties, EventProcessors processors,
			TaskScheduler scheduler) {
		this.metrics = new EventMetrics(registry, properties.maxTypes());
		this.properties = properties;
		this.processor = processors.forConsumer(FanoutRole.MONITORING.identity());
		this.summaries = scheduler.scheduleWithFixedDelay(this::logSummary,
				this.clock.instant().plus(properties.summaryInterval()), properties.summaryInterval());
	}

	@KafkaListener(id = "fanout-monitoring", groupId = "fanout-monitoring", topics = "${app.topics.events}",
			clientIdPrefix = "fanout-monitoring-${app.instance-id}")
	void on(List<ConsumerRecord<String, Event>> records, Acknowledgment acknowledgment) {
		this.processor.process(records, acknowledgment, (record) -> "counted as events.received{type="
				+ this.metrics.record(record.value(), this.clock.instant()) + "}");
	}

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

	@PreDestroy
	void stopSummaries() {
		this.summaries.cancel(false);
	}

}
