package dev.kafkapatterns.dashboard.stream;

/**
 * {@code dashboard.stream.max-clients} streams are open already: one more is answered with 503.
 */
public class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(int maxClients) {
		super("The dashboard serves at most " + maxClients + " streams at once (dashboard.stream.max-clients).");
	}

}
