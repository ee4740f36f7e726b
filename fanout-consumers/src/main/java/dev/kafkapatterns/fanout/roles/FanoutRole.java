package dev.kafkapatterns.fanout.roles;

import java.util.Locale;

import dev.kafkapatterns.support.delivery.ConsumerIdentity;

/**
 * A fanout role. Each reads the events topic in its own consumer group (the {@code groupId} on its
 * {@code @KafkaListener}), which is what makes it receive every event regardless of the other
 * roles.
 */
public enum FanoutRole {

	/** Appends every event to the audit trail. */
	AUDIT,

	/** Renders a human-readable notification for every event. */
	NOTIFICATIONS,

	/** Counts events per type and logs a periodic summary. */
	MONITORING;

	/** The role's name as {@code fanout.role} and failures on purpose spell it. */
	public String roleName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role's service name in logs, receipts and client ids: {@code fanout-audit} and so on. */
	public String serviceName() {
		return "fanout-" + roleName();
	}

	/** Who processes events in this role, as log lines and receipts name it. */
	public ConsumerIdentity identity() {
		return new ConsumerIdentity(serviceName(), roleName(), "event");
	}

}
