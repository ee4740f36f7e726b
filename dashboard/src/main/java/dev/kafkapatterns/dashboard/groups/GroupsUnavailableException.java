package dev.kafkapatterns.dashboard.groups;

/**
 * The broker did not describe the groups in time: the groups API answers 503 until it does.
 */
public class GroupsUnavailableException extends RuntimeException {

	GroupsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
