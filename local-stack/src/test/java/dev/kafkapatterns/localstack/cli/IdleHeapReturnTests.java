package dev.kafkapatterns.localstack.cli;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IdleHeapReturnTests {

	private static final String INTERVAL = "G1PeriodicGCInterval";

	@Test
	void setsTheIntervalOnAG1JvmWhereNobodyChoseOne() {
		FlagsOfAJvm vm = new FlagsOfAJvm(true, new VMOption(INTERVAL, "0", true, Origin.DEFAULT));

		assertThat(IdleHeapReturn.enable(vm)).isTrue();
		assertThat(vm.getVMOption(INTERVAL).getValue()).isEqualTo(String.valueOf(IdleHeapReturn.INTERVAL.toMillis()));
	}

	@Test
	void keepsAnIntervalGivenOnTheCommandLine() {
		FlagsOfAJvm vm = new FlagsOfAJvm(true, new VMOption(INTERVAL, "0", true, Origin.VM_CREATION));

		assertThat(IdleHeapReturn.enable(vm)).isFalse();
		assertThat(vm.getVMOption(INTERVAL).getValue()).isEqualTo("0");
	}

	@Test
	void leavesAnotherCollectorAlone() {
		FlagsOfAJvm vm = new FlagsOfAJvm(false, new VMOption(INTERVAL, "0", true, Origin.DEFAULT));

		assertThat(IdleHeapReturn.enable(vm)).isFalse();
		assertThat(vm.getVMOption(INTERVAL).getValue()).isEqualTo("0");
	}

	@Test
	void leavesAJvmWithoutTheseFlagsAlone() {
		FlagsOfAJvm vm = new FlagsOfAJvm(true, new VMOption(INTERVAL, "0", true, Origin.DEFAULT));
		vm.options.remove(INTERVAL);

		assertThat(IdleHeapReturn.enable(vm)).isFalse();
	}

	@Test
	void theRunningJvmTakesTheIntervalAtRunTime() {
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		assumeTrue(Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue()), "the test JVM runs G1");

		// This call, or an earlier test's start of the launcher in this JVM, set it: either way the
		// flag is manageable and now on.
		IdleHeapReturn.enable();

		assertThat(Long.parseLong(vm.getVMOption(INTERVAL).getValue())).isPositive();
	}

	/** The flags a JVM reports: which collector it runs, and the periodic interval. */
	private static final class FlagsOfAJvm implements HotSpotDiagnosticMXBean {

		private final Map<String, VMOption> options = new HashMap<>();

		FlagsOfAJvm(boolean g1, VMOption interval) {
			this.options.put("UseG1GC", new VMOption("UseG1GC", String.valueOf(g1), false, Origin.ERGONOMIC));
			this.options.put(INTERVAL, interval);
		}

		@Override
		public VMOption getVMOption(String name) {
			VMOption option = this.options.get(name);
			if (option == null) {
				// As HotSpot answers for a flag it does not have.
				throw new IllegalArgumentException("VM option \"" + name + "\" does not exist");
			}
			return option;
		}

		@Override
		public void setVMOption(String name, String value) {
			this.options.put(name, new VMOption(name, value, true, Origin.MANAGEMENT));
		}

		@Override
		public List<VMOption> getDiagnosticOptions() {
			return List.copyOf(this.options.values());
		}

		@Override
		public void dumpHeap(String outputFile, boolean live) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ObjectName getObjectName() {
			return null;
		}

	}

}
