package dev.kafkapatterns.localstack.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Gives the launcher's heap back to the operating system once it has been idle for a while. The
 * launcher runs under a plain {@code java -jar}, so with the JVM's defaults: on most machines G1,
 * which keeps the heap it grew while relaying a burst of log lines (a drain of 20,000 events is
 * 80,000 of them) until a full or a periodic collection. A periodic collection runs only when no
 * other did for the interval, and shrinks the heap to what the defaults of
 * {@code MinHeapFreeRatio}/{@code MaxHeapFreeRatio} allow (JEP 346). {@code G1PeriodicGCInterval}
 * is a manageable flag, so the launcher sets it on itself; a value given on the command line wins.
 */
final class IdleHeapReturn {

	/** How long the launcher must go without a collection before G1 runs one to shrink its heap. */
	static final Duration INTERVAL = Duration.ofSeconds(30);

	private IdleHeapReturn() {
	}

	/**
	 * Turns the periodic collection on, when this JVM runs G1 and nobody chose an interval.
	 * @return whether it did
	 */
	static boolean enable() {
		try {
			return enable(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
		}
		catch (IllegalArgumentException ex) {
			// Not a HotSpot JVM: it has no such bean. The launcher runs as it is.
			return false;
		}
	}

	static boolean enable(HotSpotDiagnosticMXBean vm) {
		try {
			if (!Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())
					|| vm.getVMOption("G1PeriodicGCInterval").getOrigin() != VMOption.Origin.DEFAULT) {
				return false;
			}
			vm.setVMOption("G1PeriodicGCInterval", String.valueOf(INTERVAL.toMillis()));
			return true;
		}
		catch (IllegalArgumentException ex) {
			// A JVM without these flags: nothing to give back this way.
			return false;
		}
	}

}
