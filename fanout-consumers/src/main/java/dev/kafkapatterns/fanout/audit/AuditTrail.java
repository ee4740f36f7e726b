package dev.kafkapatterns.fanout.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import tools.jackson.databind.json.JsonMapper;

/**
 * An append-only file of JSON lines. Each {@link #append} returns only after the line has been
 * written to the operating system (and, with {@code fsync}, forced to the disk), so the listener
 * commits the event's offset only after its line is safe.
 */
class AuditTrail implements AutoCloseable {

	private final Path file;

	private final FileChannel channel;

	private final JsonMapper json;

	private final boolean fsync;

	AuditTrail(Path file, JsonMapper json, boolean fsync) {
		this.file = file.toAbsolutePath();
		this.json = json;
		this.fsync = fsync;
		try {
			Files.createDirectories(this.file.getParent());
			this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the audit trail " + this.file
					+ "; set fanout.audit.file (FANOUT_AUDIT_FILE) to a writable path", ex);
		}
	}

	Path file() {
		return this.file;
	}

	synchronized void append(AuditEntry entry) {
		byte[] json = this.json.writeValueAsBytes(entry);
		ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
		try {
			while (line.hasRemaining()) {
				this.channel.write(line);
			}
			if (this.fsync) {
				this.channel.force(false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot append to the audit trail " + this.file, ex);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		this.channel.close();
	}

}
