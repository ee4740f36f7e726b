package dev.kafkapatterns.producer.web;

import java.io.IOException;

/**
 * Thrown while the request body is read, as soon as it passes the limit; a body sent without a
 * {@code Content-Length} (chunked) is caught this way.
 */
class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes", null);
	}

}
