package dev.kafkapatterns.dashboard.groups;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ApiException;

/**
 * Waits for the broker's answers to one snapshot's requests, all within one deadline, so the page
 * learns in bounded time that the broker is away.
 */
final class BrokerDeadline {

	private final Duration timeout;

	private final long deadline;

	BrokerDeadline(Duration timeout) {
		this.timeout = timeout;
		this.deadline = System.nanoTime() + timeout.toNanos();
	}

	/**
	 * The answer.
	 * @throws GroupsUnavailableException when the broker refused or did not answer in time
	 */
	<T> T get(KafkaFuture<T> future) {
		try {
			return future.get(Math.max(0, this.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GroupsUnavailableException("Interrupted while asking the broker about groups", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new GroupsUnavailableException("The broker did not describe the groups within "
					+ this.timeout.toMillis() + " ms (" + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "") + ")", ex);
		}
	}

	/**
	 * The answer, or null when the broker refused this one request (a group that is gone, a
	 * deleted topic); still throws when the broker does not answer at all.
	 */
	<T> T orNull(KafkaFuture<T> future) {
		try {
			return get(future);
		}
		catch (GroupsUnavailableException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause().getCause() : null;
			if (cause instanceof ApiException && !(cause instanceof org.apache.kafka.common.errors.TimeoutException)) {
				return null;
			}
			throw ex;
		}
	}

	/** The answers per group, without the groups whose request the broker refused. */
	<T> Map<String, T> each(Map<String, KafkaFuture<T>> futures) {
		Map<String, T> values = new HashMap<>();
		futures.forEach((id, future) -> {
			T value = orNull(future);
			if (value != null) {
				values.put(id, value);
			}
		});
		return values;
	}

	<K, V> Map<K, V> orEmpty(KafkaFuture<Map<K, V>> future) {
		Map<K, V> value = orNull(future);
		return (value != null) ? value : Map.of();
	}

}
