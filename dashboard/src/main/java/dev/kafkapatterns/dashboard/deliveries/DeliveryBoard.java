package dev.kafkapatterns.dashboard.deliveries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.kafkapatterns.dashboard.DashboardProperties;
import dev.kafkapatterns.model.DeliveryReceipt;

import org.springframework.stereotype.Component;

/**
 * The last events and who processed each: the server side of the live deliveries table. It keeps
 * at most {@code dashboard.deliveries.max-rows} events, so a page opened after a {@code curl}
 * shows that event at once, and memory stays flat however fast events flow.
 *
 * <p>Events, receipts and dead letters arrive on three topics in any order: a receipt may be read
 * before its event, so a receipt alone starts a row. An event that fell off the table is
 * remembered for a while, so a late receipt does not bring it back as a new row.
 */
@Component
public class DeliveryBoard {

	/** A receipt with a made-up group name must not grow a row without limit. */
	static final int MAX_GROUPS_PER_ROW = 32;

	private static final int MAX_NAME_LENGTH = 200;

	private final int maxRows;

	private final int maxTextLength;

	private final Map<String, Row> rows = new HashMap<>();

	/** The same rows, oldest first: a backlog creates and evicts a row per event and receipt. */
	private final TreeSet<Row> oldestFirst = new TreeSet<>(
			Comparator.comparingLong((Row row) -> row.sortKey).thenComparing((Row row) -> row.id));

	private final LinkedHashSet<String> forgotten = new LinkedHashSet<>();

	private final int maxForgotten;

	private long version;

	DeliveryBoard(DashboardProperties properties) {
		this.maxRows = properties.deliveries().maxRows();
		this.maxTextLength = properties.deliveries().maxTextLength();
		// Enough to cover the receipts that trail the table by several seconds at 1000 events/s.
		this.maxForgotten = Math.max(10_000, this.maxRows * 50);
	}

	synchronized void onEvent(String id, String type, String key, String payload, int partition, long offset,
			Instant publishedAt) {
		Row row = row(id, publishedAt);
		if (row != null) {
			row.type = clip(type, this.maxTextLength);
			row.key = clip(key, this.maxTextLength);
			row.payload = clip(payload, this.maxTextLength);
			row.partition = partition;
			row.offset = offset;
			row.publishedAt = publishedAt;
			this.oldestFirst.remove(row);
			row.sortKey = publishedAt.toEpochMilli();
			this.oldestFirst.add(row);
			changed(row);
		}
	}

	synchronized void onReceipt(DeliveryReceipt receipt) {
		Instant at = (receipt.processedAt() != null) ? receipt.processedAt() : Instant.now();
		Row row = row(receipt.eventId(), at);
		if (row == null) {
			return;
		}
		String group = clip(receipt.group(), MAX_NAME_LENGTH);
		RowDelivery known = row.deliveries.get(group);
		if (known == null && row.deliveries.size() >= MAX_GROUPS_PER_ROW) {
			return;
		}
		int receipts = (known != null) ? known.receipts + 1 : 1;
		row.deliveries.put(group, new RowDelivery(clip(receipt.instance(), MAX_NAME_LENGTH), at, receipts));
		if (row.partition == null) {
			row.partition = receipt.partition();
			row.offset = receipt.offset();
		}
		changed(row);
	}

	synchronized void onDeadLetter(String id, String group, String reason, String origin, Instant at,
			DeadLetteredEvent event) {
		Row row = row(id, at);
		if (row == null) {
			return;
		}
		String name = clip((group != null) ? group : "unknown group", MAX_NAME_LENGTH);
		if (!row.deadLetters.containsKey(name) && row.deadLetters.size() >= MAX_GROUPS_PER_ROW) {
			return;
		}
		row.deadLetters.put(name, new DeliveryRow.DeadLetter(name, clip(reason, this.maxTextLength),
				clip(origin, MAX_NAME_LENGTH), at));
		if (row.type == null && event != null) {
			row.type = clip(event.type(), this.maxTextLength);
			row.key = clip(event.key(), this.maxTextLength);
			row.payload = clip(event.payload(), this.maxTextLength);
		}
		changed(row);
	}

	/**
	 * Every row, newest first.
	 * @return the rows and the version they are at
	 */
	public Changes rows() {
		return changesSince(-1);
	}

	/**
	 * The rows that changed after a version, newest first.
	 * @param seenVersion the version the caller has seen, or -1 for all rows
	 * @return the changed rows and the version they bring the caller to
	 */
	public synchronized Changes changesSince(long seenVersion) {
		List<Row> changed = new ArrayList<>();
		for (Row row : this.rows.values()) {
			if (row.version > seenVersion) {
				changed.add(row);
			}
		}
		changed.sort(Comparator.comparingLong((Row row) -> row.sortKey).reversed());
		return new Changes(changed.stream().map(Row::view).toList(), this.version);
	}

	/**
	 * Rows and the version they bring a reader to.
	 *
	 * @param rows the rows, newest first
	 * @param version the board's version when they were taken
	 */
	public record Changes(List<DeliveryRow> rows, long version) {
	}

	/**
	 * What a dead letter says about its event, when its value could be read as one.
	 *
	 * @param type the event type
	 * @param key the key
	 * @param payload the payload as JSON, or the raw value of a poison record
	 */
	record DeadLetteredEvent(String type, String key, String payload) {
	}

	private Row row(String eventId, Instant at) {
		if (eventId == null || eventId.isBlank()) {
			return null;
		}
		String id = clip(eventId, MAX_NAME_LENGTH);
		if (this.forgotten.contains(id)) {
			return null;
		}
		Row row = this.rows.get(id);
		if (row == null) {
			row = new Row(id, at.toEpochMilli());
			this.rows.put(id, row);
			this.oldestFirst.add(row);
			if (this.rows.size() > this.maxRows && evictOldest() == row) {
				return null;
			}
		}
		return row;
	}

	private Row evictOldest() {
		Row oldest = this.oldestFirst.pollFirst();
		this.rows.remove(oldest.id);
		this.forgotten.add(oldest.id);
		if (this.forgotten.size() > this.maxForgotten) {
			this.forgotten.remove(this.forgotten.iterator().next());
		}
		return oldest;
	}

	private void changed(Row row) {
		row.version = ++this.version;
	}

	static String clip(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		return text.substring(0, maxLength) + "…";
	}

	private record RowDelivery(String instance, Instant processedAt, int receipts) {
	}

	private static final class Row {

		private final String id;

		private long sortKey;

		private String type;

		private String key;

		private String payload;

		private Integer partition;

		private Long offset;

		private Instant publishedAt;

		private final Map<String, RowDelivery> deliveries = new TreeMap<>();

		private final Map<String, DeliveryRow.DeadLetter> deadLetters = new TreeMap<>();

		private long version;

		Row(String id, long sortKey) {
			this.id = id;
			this.sortKey = sortKey;
		}

		DeliveryRow view() {
			List<DeliveryRow.Delivery> delivered = new ArrayList<>(this.deliveries.size());
			this.deliveries.forEach((group, delivery) -> delivered
				.add(new DeliveryRow.Delivery(group, delivery.instance(), delivery.processedAt(), delivery.receipts())));
			return new DeliveryRow(this.id, this.type, this.key, this.payload, this.partition, this.offset,
					this.publishedAt, delivered, List.copyOf(this.deadLetters.values()), this.version);
		}

	}

}
