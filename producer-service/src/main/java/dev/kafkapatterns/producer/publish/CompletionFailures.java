package dev.kafkapatterns.producer.publish;

import java.util.concurrent.CompletionException;

/**
 * What made a future fail. A stage that depends on a failed future fails with a
 * {@link CompletionException} around the original exception; the publish path looks at the
 * original.
 */
final class CompletionFailures {

	private CompletionFailures() {
	}

	/**
	 * The failure without its {@link CompletionException} wrappers.
	 * @param failure what the future failed with
	 * @return the first cause that is not a wrapper
	 */
	static Throwable cause(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
