package dev.kafkapatterns.bench.stack;

import java.util.List;
import java.util.Locale;

/**
 * How the queue workers consume: {@code group}, one consumer group where each partition has one
 * member, or {@code share}, a share group (KIP-932) where records are handed out one by one.
 */
public enum WorkerMode {

	/** The consumer group {@code queue-workers}. */
	GROUP("queue-workers"),

	/** The share group {@code queue-workers-share}. */
	SHARE("queue-workers-share");

	private final String groupId;

	WorkerMode(String groupId) {
		this.groupId = groupId;
	}

	/** The group the workers join in this mode, as their receipts name it. */
	public String groupId() {
		return this.groupId;
	}

	/** The value of local-stack's {@code --worker-mode}. */
	public String flagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * local-stack's arguments for this mode. Group mode is local-stack's default, so it passes
	 * nothing and works with a local-stack that does not know the flag.
	 */
	List<String> localStackArguments() {
		return (this == GROUP) ? List.of() : List.of("--worker-mode", flagValue());
	}

}
