package dev.kafkapatterns.support.delivery;

/**
 * The broker did not acknowledge a delivery receipt. This is the infrastructure failing, not the
 * event: the error handler retries it for as long as it takes and never dead-letters the event
 * for it.
 */
class ReceiptNotAcknowledgedException extends RuntimeException {

	ReceiptNotAcknowledgedException(String message, Throwable cause) {
		super(message, cause);
	}

}
