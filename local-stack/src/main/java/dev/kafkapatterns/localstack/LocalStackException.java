package dev.kafkapatterns.localstack;

/**
 * The stack cannot start: a port is taken, a service jar is missing, or the broker does not come
 * up. The message says what to do; the exit code is the one the command line exits with.
 */
public final class LocalStackException extends RuntimeException {

	/** Exit code for a problem found before any process started: a taken port, a missing jar. */
	public static final int SETUP_PROBLEM = 2;

	/** Exit code for a start that failed: the broker did not come up. */
	public static final int START_FAILED = 1;

	private final int exitCode;

	LocalStackException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	LocalStackException(int exitCode, String message, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	/**
	 * The exit code for the command line.
	 * @return {@link #SETUP_PROBLEM} or {@link #START_FAILED}
	 */
	public int exitCode() {
		return this.exitCode;
	}

}
