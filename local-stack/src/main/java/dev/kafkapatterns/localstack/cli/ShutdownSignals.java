package dev.kafkapatterns.localstack.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;

import dev.kafkapatterns.localstack.LocalStack;
import dev.kafkapatterns.localstack.output.PrefixedOutput;

/**
 * SIGINT and SIGTERM ask for a graceful stop; a second one kills everything at once. Handling
 * the signals ourselves, instead of letting the JVM run its shutdown hooks, is what lets a
 * graceful stop end with exit code 0 rather than 130 or 143.
 */
final class ShutdownSignals {

	/** The exit code after a forced stop: 128 + SIGINT, as a shell reports an interrupted command. */
	static final int FORCED_EXIT_CODE = 130;

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private final AtomicInteger received = new AtomicInteger();

	private final Thread main;

	private final LocalStack stack;

	private final PrefixedOutput output;

	ShutdownSignals(Thread main, LocalStack stack, PrefixedOutput output) {
		this.main = main;
		this.stack = stack;
		this.output = output;
	}

	void install() {
		for (String name : List.of("INT", "TERM")) {
			try {
				Signal.handle(new Signal(name), (signal) -> received("SIG" + signal.getName()));
			}
			catch (IllegalArgumentException ex) {
				// Not on this platform; the JVM's shutdown hook still stops the stack.
			}
		}
	}


	void awaitStopRequest() {
		try {
			this.stopRequested.await();
		}
		catch (InterruptedException ex) {
			// A signal: the stop follows.
		}
	}

	boolean stopRequested() {
		return this.stopRequested.getCount() == 0;
	}

	/**
	 * The first time, asks for a graceful stop; the second time, kills every process and exits.
	 * @param reason what asked, for example {@code SIGINT}
	 */
	void received(String reason) {
		if (this.received.incrementAndGet() == 1) {
			this.output.launcher(reason + ": stopping (send it again to kill everything at once)");
			this.stopRequested.countDown();
			// Wakes the main thread if it is still waiting for the stack to get ready.
			this.main.interrupt();
			return;
		}
		this.output.launcher(reason + " again: killing every process");
		this.stack.abort();
		Runtime.getRuntime().halt(FORCED_EXIT_CODE);
	}

}
