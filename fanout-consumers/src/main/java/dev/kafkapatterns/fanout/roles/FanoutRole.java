package dev.kafkapatterns.fanout.roles;

import dev.kafkapatterns.support.delivery.ConsumerIdentity;

/**
 * A fanout role. Each has its own consumer group, which is what makes it receive every event
 * regardless of the other roles.
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
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The role's service name and consumer group: {@code fanout-audit} and so on. */
	public String group() {
		return "fanout-" + roleName();
	}

	/** The identity of this role's consumer in logs and receipts. */
	public ConsumerIdentity identity() {
		return new ConsumerIdentity(group(), group(), roleName());
	}

}
