package dev.kafkapatterns.support.delivery;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * Spring Kafka's {@link DefaultErrorHandler}, except that a successful poll does not start every
 * partition's retry count again.
 *
 * <p>In spring-kafka 4.1 a batch listener's container clears all of the handler's retry counts
 * after any poll that succeeds (spring-kafka GH-4371, fixed in 4.2 by clearing only the
 * partitions that poll held). One consumer here reads several partitions, so while an event waits
 * for its next retry, a poll with only other partitions' events succeeds, and the count of the
 * failing event starts at 1 again: with steady traffic it never reaches the dead-letter topic and
 * its partition stops for good. Keeping the counts is safe because the tracker forgets a
 * partition's count by itself: when its event is dead-lettered, or when another offset of that
 * partition fails. A count left behind by an event that succeeded on a retry is never read again,
 * since that event is not processed again here ({@link CompletedEvents}). The cost: the counts of
 * a consumer thread that ends stay in memory (a few entries per partition) until the JVM exits;
 * the services never restart a container. Remove this class with spring-kafka 4.2.
 */
class RetryCountKeepingErrorHandler extends DefaultErrorHandler {

	RetryCountKeepingErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
		super(recoverer, backOff);
	}

	@Override
	public void clearThreadState() {
		// Kept on purpose: see the class comment.
	}

}
