package dev.kafkapatterns.producer.publish;

import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.web.ErrorResponseException;

/**
 * An event is larger than the Kafka producer may send ({@code max.request.size}); found before
 * anything of the request is sent, so nothing was published (413).
 */
public class EventTooLargeException extends ErrorResponseException {

	EventTooLargeException(int index, int size, int limit) {
		super(ProblemType.EVENT_TOO_LARGE.status(), ProblemType.EVENT_TOO_LARGE.problem("Event " + index + " is "
				+ size + " bytes as a Kafka record, larger than the " + limit
				+ " bytes the producer may send (max.request.size). Nothing was published."), null);
		getBody().setProperty("index", index);
	}

}
