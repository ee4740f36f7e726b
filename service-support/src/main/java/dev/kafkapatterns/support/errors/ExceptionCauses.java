package dev.kafkapatterns.support.errors;

import org.springframework.core.NestedExceptionUtils;

/**
 * Questions about an exception's cause chain that Spring's {@link NestedExceptionUtils} does not
 * answer. The chain is walked once, safely: a cause that points at itself ends the walk.
 */
public final class ExceptionCauses {

	private ExceptionCauses() {
	}

	/**
	 * The first exception of the given type in the cause chain, the exception itself included.
	 * @param <T> the type
	 * @param exception the exception
	 * @param type the type to look for
	 * @return the cause, or {@code null} if there is none of that type
	 */
	public static <T extends Throwable> T find(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/**
	 * Whether the cause chain holds an exception of the given type.
	 * @param exception the exception
	 * @param type the type to look for
	 * @return {@code true} if it does
	 */
	public static boolean isCausedBy(Throwable exception, Class<? extends Throwable> type) {
		return find(exception, type) != null;
	}

	/**
	 * The message of the most specific cause, or its simple class name if it has none: what a
	 * person wants to read in a log line or a dead-letter header.
	 * @param exception the exception
	 * @return the reason
	 */
	public static String reason(Throwable exception) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
