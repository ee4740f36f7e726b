package dev.kafkapatterns.dashboard.stream;

import java.util.List;

/**
 * The messages of the stream, each sent as an event of that name with its JSON as data.
 */
final class StreamMessages {

	private StreamMessages() {
	}

	/**
	 * The {@code hello} message, first on every stream.
	 *
	 * @param eventsTopic the topic events are published to
	 * @param maxRows the rows the table keeps
	 */
	record HelloMessage(String eventsTopic, int maxRows) {
	}

	/**
	 * The {@code deliveries} message.
	 *
	 * @param reset whether these are all rows (the client starts over) or only the changed ones
	 * @param rows the rows, newest first
	 */
	record DeliveriesMessage(boolean reset, List<?> rows) {
	}

	/**
	 * The {@code groups} message.
	 *
	 * @param snapshot the latest snapshot, or {@code null} before the first
	 * @param error why the latest attempt to describe the groups failed, or {@code null}
	 */
	record GroupsMessage(Object snapshot, String error) {
	}

}
