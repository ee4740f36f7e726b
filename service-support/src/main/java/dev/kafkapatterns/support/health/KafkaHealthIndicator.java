package dev.kafkapatterns.support.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Kafka cluster answers, with its cluster id and broker count. Spring Boot
 * has no Kafka health indicator of its own.
 *
 * <p>One long-lived {@link Admin} client serves every check, and each check is bounded by a
 * timeout, so a dead broker turns the health {@code DOWN} quickly instead of hanging the
 * endpoint. A failed check logs one line with its reason, not a stack trace: a broker that is
 * away fails every check, and a health probe runs every few seconds.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(KafkaHealthIndicator.class);

	private final Admin admin;

	private final Duration timeout;

	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		this.admin = Admin.create(adminConfig);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try {
			DescribeClusterResult cluster = this.admin
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int brokers = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			down(builder, ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			down(builder, ex);
		}
	}

	private void down(Health.Builder builder, Exception failure) {
		String reason = (failure instanceof TimeoutException)
				? "no answer from the cluster within " + this.timeout.toMillis() + " ms" : ExceptionCauses.reason(failure);
		logger.warn("Kafka health check failed: {}", reason);
		builder.down().withDetail("error", reason);
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
