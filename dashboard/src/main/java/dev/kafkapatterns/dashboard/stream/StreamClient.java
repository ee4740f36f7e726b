package dev.kafkapatterns.dashboard.stream;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: what it has seen, and whether a write to it is under way. A few fields, no
 * queue: whatever happens, a client costs the same memory.
 */
final class StreamClient {

	private final long id;

	private final SseEmitter emitter;

	private volatile long rowVersion = -1;

	private volatile long groupsVersion = -1;

	private volatile boolean writing;

	private volatile long writeStartedAt;

	private volatile boolean dropped;

	StreamClient(long id, SseEmitter emitter) {
		this.id = id;
		this.emitter = emitter;
	}

	long id() {
		return this.id;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	long rowVersion() {
		return this.rowVersion;
	}

	long groupsVersion() {
		return this.groupsVersion;
	}

	boolean writing() {
		return this.writing;
	}

	long writeStartedAt() {
		return this.writeStartedAt;
	}

	boolean dropped() {
		return this.dropped;
	}

	void startWriting(long now) {
		this.writeStartedAt = now;
		this.writing = true;
	}

	void wrote(long rowVersion, long groupsVersion) {
		this.rowVersion = rowVersion;
		this.groupsVersion = groupsVersion;
	}

	void stopWriting() {
		this.writing = false;
	}

	void drop() {
		this.dropped = true;
	}

}
