package dev.kafkapatterns.support.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code receipts} health component: {@code DOWN} when a consumer group in this process has
 * waited longer than {@code app.receipts.unhealthy-after} for the broker to acknowledge its
 * receipts. Such a consumer retries forever and commits nothing, so a compose healthcheck or a
 * Kubernetes probe should see it.
 */
public class ReceiptHealthIndicator extends AbstractHealthIndicator {

	private final Map<String, Waiting> waitingSince = new ConcurrentHashMap<>();

	private final Duration unhealthyAfter;

	private final Clock clock;

	public ReceiptHealthIndicator(Duration unhealthyAfter, Clock clock) {
		super("Receipts health check failed");
		this.unhealthyAfter = unhealthyAfter;
		this.clock = clock;
	}

	/** The group starts waiting for receipts; a wait that is already running keeps its start. */
	void waiting(String group) {
		this.waitingSince.putIfAbsent(group, new Waiting(this.clock.instant(), null));
	}

	/** The group's receipts failed; it keeps waiting. */
	void failed(String group, String reason) {
		this.waitingSince.merge(group, new Waiting(this.clock.instant(), reason),
				(known, now) -> new Waiting(known.since(), reason));
	}

	/** Every receipt the group waited for was acknowledged. */
	void acknowledged(String group) {
		this.waitingSince.remove(group);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = this.clock.instant();
		builder.up();
		this.waitingSince.forEach((group, waiting) -> {
			Duration waited = Duration.between(waiting.since(), now);
			if (waited.compareTo(this.unhealthyAfter) > 0) {
				builder.down()
					.withDetail(group, "receipts unacknowledged for " + waited.toSeconds() + " s"
							+ ((waiting.reason() != null) ? ": " + waiting.reason() : ""));
			}
		});
	}

	private record Waiting(Instant since, String reason) {
	}

}
