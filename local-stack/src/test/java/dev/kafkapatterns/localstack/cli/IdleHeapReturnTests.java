package dev.kafkapatterns.localstack.cli;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs in the test JVM itself, which, like the launcher under a plain {@code java -jar} on this
 * kind of machine, uses G1 with the JVM's defaults.
 */
class IdleHeapReturnTests {

	private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	@Test
	void g1CollectsPeriodicallyOnceEnabledAndAChosenIntervalIsKept() {
		assumeTrue(Boolean.parseBoolean(this.vm.getVMOption("UseG1GC").getValue()), "the test JVM runs G1");
		assumeTrue(this.vm.getVMOption("G1PeriodicGCInterval").getOrigin() == VMOption.Origin.DEFAULT,
				"nobody chose an interval for the test JVM");

		assertThat(IdleHeapReturn.enable()).isTrue();
		assertThat(this.vm.getVMOption("G1PeriodicGCInterval").getValue())
			.isEqualTo(String.valueOf(IdleHeapReturn.INTERVAL.toMillis()));

		// Now the interval is chosen (by the call above): a second call leaves it alone.
		this.vm.setVMOption("G1PeriodicGCInterval", "45000");
		assertThat(IdleHeapReturn.enable()).isFalse();
		assertThat(this.vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("45000");
	}

}
