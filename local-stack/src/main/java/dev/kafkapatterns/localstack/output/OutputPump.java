package dev.kafkapatterns.localstack.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies a child's output to the launcher's a burst of lines at a time. A service writes one line
 * per {@code write}, so a reader that takes a line at a time wakes, reads and prints once per line:
 * under a backlog that was about 5 µs of the launcher's CPU per line, 8 % of all the CPU a
 * 20,000-event drain took. This one reads whatever the pipe holds, hands over all its complete
 * lines at once, then pauses briefly so that the next read finds a burst again. A line appears
 * at most that pause late; a quiet child's line at once.
 *
 * <p>Lines end as {@link java.io.BufferedReader#readLine()} ends them: at {@code \n}, {@code \r}
 * or {@code \r\n}. The last line is handed over even without its line break.
 */
public final class OutputPump {

	/** Long enough for a burst of a busy service's lines, short enough that nobody sees it. */
	public static final Duration DEFAULT_PAUSE = Duration.ofMillis(10);

	private static final int BUFFER_SIZE = 64 * 1024;

	private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

	private boolean afterCarriageReturn;

	OutputPump() {
	}

	/**
	 * Reads the stream until it ends, handing over its lines in bursts.
	 * @param in the child's output
	 * @param pause how long to wait after each burst
	 * @param lines receives the complete lines of each burst, in order
	 * @throws IOException when reading fails (not when the stream ends)
	 */
	public static void pump(InputStream in, Duration pause, Consumer<List<String>> lines) throws IOException {
		OutputPump pump = new OutputPump();
		byte[] buffer = new byte[BUFFER_SIZE];
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			List<String> burst = pump.split(buffer, read);
			if (!burst.isEmpty()) {
				lines.accept(burst);
			}
			if (!pause.isZero() && read < buffer.length) {
				pause(pause);
			}
		}
		if (pump.partial.size() > 0) {
			lines.accept(List.of(pump.partial.toString(StandardCharsets.UTF_8)));
		}
	}

	/** The lines these bytes complete; the rest waits for the next bytes. */
	List<String> split(byte[] bytes, int length) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < length; i++) {
			byte b = bytes[i];
			if (b == '\n' && this.afterCarriageReturn) {
				// The \n of a \r\n whose \r ended the line before.
				start = i + 1;
			}
			else if (b == '\n' || b == '\r') {
				lines.add(take(bytes, start, i));
				start = i + 1;
			}
			this.afterCarriageReturn = (b == '\r');
		}
		this.partial.write(bytes, start, length - start);
		return lines;
	}

	private String take(byte[] bytes, int from, int to) {
		String line;
		if (this.partial.size() == 0) {
			line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
		}
		else {
			this.partial.write(bytes, from, to - from);
			line = this.partial.toString(StandardCharsets.UTF_8);
			this.partial.reset();
		}
		return line;
	}

	/**
	 * Interrupted, it keeps the flag and pumps on without pausing: a child whose output nobody
	 * reads would block on its next write once the pipe is full.
	 */
	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
