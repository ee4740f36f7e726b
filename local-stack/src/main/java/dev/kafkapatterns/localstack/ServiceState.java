package dev.kafkapatterns.localstack;

/**
 * Where a child process is in its life, as the launcher sees it.
 */
public enum ServiceState {

	/** Started, not yet answered its health check. */
	STARTING,

	/** Started and answered its health check (for the broker: described the cluster). */
	RUNNING,

	/** Asked to stop (SIGTERM), not yet exited. */
	STOPPING,

	/** Stopped on request. */
	STOPPED,

	/** Killed on request (SIGKILL). */
	KILLED,

	/** Exited without being asked to. */
	EXITED

}
