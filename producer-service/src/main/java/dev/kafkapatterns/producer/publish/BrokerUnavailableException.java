package dev.kafkapatterns.producer.publish;

import java.time.Duration;
import java.util.List;

import dev.kafkapatterns.producer.problem.ProblemType;
import dev.kafkapatterns.producer.publish.EventOutcome.Status;

import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/**
 * The broker did not acknowledge every event within {@code app.publish.ack-timeout}: a 503 with
 * {@code Retry-After} that lists every event by index as acknowledged, failed or unknown, and
 * the acknowledged ones again under {@code acknowledged}.
 */
public class BrokerUnavailableException extends ErrorResponseException {

	BrokerUnavailableException(List<EventOutcome> events, Duration ackTimeout, Duration retryAfter, boolean keyed) {
		super(ProblemType.BROKER_UNAVAILABLE.status(),
				ProblemType.BROKER_UNAVAILABLE.problem(detail(events, ackTimeout, keyed)), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		if (!events.isEmpty()) {
			getBody().setProperty("events", events);
		}
		List<PublishedEvent> acknowledged = events.stream()
			.filter((event) -> event.status() == Status.ACKNOWLEDGED)
			.map(EventOutcome::published)
			.toList();
		if (!acknowledged.isEmpty()) {
			getBody().setProperty("acknowledged", acknowledged);
		}
	}

	private static String detail(List<EventOutcome> events, Duration ackTimeout, boolean keyed) {
		if (events.isEmpty()) {
			// The Idempotency-Key could not even be claimed.
			return "The broker did not acknowledge the Idempotency-Key's record within " + ackTimeout.toMillis()
					+ " ms. Nothing was published. A retry with the same Idempotency-Key is safe.";
		}
		long acknowledged = count(events, Status.ACKNOWLEDGED);
		long failed = count(events, Status.FAILED);
		long unknown = count(events, Status.UNKNOWN);
		StringBuilder detail = new StringBuilder("The broker did not acknowledge ")
			.append(events.size() - acknowledged).append(" of ").append(events.size())
			.append(" events within ").append(ackTimeout.toMillis()).append(" ms.");
		if (acknowledged > 0) {
			detail.append(' ').append(acknowledged).append(" were written; see 'acknowledged'.");
		}
		if (failed > 0) {
			detail.append(' ').append(failed).append(" were not written.");
		}
		if (unknown > 0) {
			detail.append(" The outcome of ").append(unknown).append(" is unknown: they may have been written.");
		}
		if (acknowledged == 0 && unknown == 0) {
			detail.append(" Nothing was published.");
		}
		detail.append(keyed
				? " A retry with the same Idempotency-Key is safe: it publishes only the events not acknowledged, under the same ids."
				: " The request had no Idempotency-Key, so a retry publishes new events: retry only the events not"
						+ " acknowledged, or send an Idempotency-Key to make retries safe.");
		return detail.toString();
	}

	private static long count(List<EventOutcome> events, Status status) {
		return events.stream().filter((event) -> event.status() == status).count();
	}

}
