package dev.kafkapatterns.localstack.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutputPumpTests {

	@Test
	void endsLinesWhereBufferedReaderDoes() throws IOException {
		assertThat(pumped("unix\nwindows\r\nold mac\rlast without a break", Duration.ZERO))
			.containsExactly("unix", "windows", "old mac", "last without a break");
	}

	@Test
	void keepsEmptyLinesAndUtf8() throws IOException {
		assertThat(pumped("\n\nwarteschlange – queue ✓\n", Duration.ZERO)).containsExactly("", "", "warteschlange – queue ✓");
	}

	@Test
	void joinsALineThatArrivesInPiecesEvenInsideACharacterOrACrLf() {
		OutputPump pump = new OutputPump();
		byte[] text = "first ✓ line\r\nsecond\n".getBytes(StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>();
		// One byte at a time: the check mark's three bytes and the \r\n are split across reads.
		for (byte b : text) {
			lines.addAll(pump.split(new byte[] { b }, 1));
		}
		assertThat(lines).containsExactly("first ✓ line", "second");
	}

	@Test
	void handsOverWhatThePipeHoldsAsOneBurst() throws IOException {
		List<List<String>> bursts = new ArrayList<>();
		OutputPump.pump(stream("a\nb\nc\n"), Duration.ZERO, bursts::add);
		assertThat(bursts).containsExactly(List.of("a", "b", "c"));
	}

	@Test
	void aLineFromAQuietChildArrivesAtOnce() throws IOException {
		PipedOutputStream child = new PipedOutputStream();
		PipedInputStream launcherSide = new PipedInputStream(child);
		List<String> printed = new CopyOnWriteArrayList<>();
		Thread pump = new Thread(() -> {
			try {
				OutputPump.pump(launcherSide, Duration.ofSeconds(30), printed::addAll);
			}
			catch (IOException ex) {
				// The test closed the pipe.
			}
		});
		pump.setDaemon(true);
		pump.start();

		child.write("Started FanoutApplication\n".getBytes(StandardCharsets.UTF_8));
		child.flush();

		// Well before the 30 s pause: the pause comes after a burst, not before it.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(printed).containsExactly("Started FanoutApplication"));
		child.close();
	}

	@Test
	void anInterruptedPumpReadsOnToTheEndWithoutPausing() throws IOException {
		// A child that writes a line per read, a hundred times: each read is followed by a pause.
		List<InputStream> writes = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			writes.add(stream("line " + i + "\n"));
		}
		List<String> printed = new ArrayList<>();
		long started = System.nanoTime();
		Thread.currentThread().interrupt();
		try {
			OutputPump.pump(new SequenceInputStream(Collections.enumeration(writes)), Duration.ofSeconds(30),
					printed::addAll);
		}
		finally {
			assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
		}
		assertThat(printed).hasSize(100).endsWith("line 99");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	private static List<String> pumped(String text, Duration pause) throws IOException {
		List<String> lines = new ArrayList<>();
		OutputPump.pump(stream(text), pause, lines::addAll);
		return lines;
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
