package dev.kafkapatterns.bench.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTests {

	@Test
	void countsTheCpuThisJvmUsedDuringAStep() {
		try (CpuMeter meter = new CpuMeter(2)) {
			countsTheCpuThisJvmUsedDuringAStep(meter);
		}
	}

	private void countsTheCpuThisJvmUsedDuringAStep(CpuMeter meter) {
		meter.step("busy");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		long spins = 0;
		while (threads.getCurrentThreadCpuTime() - start < 300_000_000L) {
			spins++;
		}
		meter.step("end");

		assertThat(spins).isPositive();
		assertThat(meter.steps()).singleElement().satisfies((step) -> {
			assertThat(step.step()).isEqualTo("busy");
			double benchmarkCpuSeconds = step.coresByProcess().get("benchmark") * step.seconds();
			assertThat(benchmarkCpuSeconds).isGreaterThanOrEqualTo(0.28);
			assertThat(step.machineBusyCores()).isNotNull().isBetween(0.0, 2.0);
		});
	}

	@Test
	void countsTheProcessesItStartedByWhatTheyRun() throws Exception {
		Process child = new ProcessBuilder("sleep", "30").start();
		try (CpuMeter meter = new CpuMeter(2)) {
			meter.step("first");
			meter.step("second");

			assertThat(meter.steps()).singleElement().satisfies((step) -> {
				assertThat(step.step()).isEqualTo("first");
				assertThat(step.coresByProcess()).containsKeys("sleep", "benchmark");
			});
		}
		finally {
			child.destroyForcibly().waitFor();
		}
	}

	@Test
	void namesAProcessByWhatItRunsAfterAnExec() throws Exception {
		// As a JVM the launcher starts is jspawnhelper first, then java: here sh first, then sleep.
		Process child = new ProcessBuilder("sh", "-c",
				"i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; exec sleep 30").start();
		try (CpuMeter meter = new CpuMeter(2)) {
			String before = ProcessKind.of(child.pid(), child.info());
			meter.step("first");
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> "sleep".equals(ProcessKind.of(child.pid(), child.info())));
			meter.step("second");

			assertThat(before).isNotEqualTo("sleep");
			assertThat(meter.steps()).singleElement()
				.satisfies((step) -> assertThat(step.coresByProcess()).containsKey("sleep").doesNotContainKey(before));
		}
		finally {
			child.destroyForcibly().waitFor();
		}
	}

	@Test
	void countsAProcessThatEndedDuringTheStepUpToItsLastSample() throws Exception {
		try (CpuMeter meter = new CpuMeter(2)) {
			meter.step("with a short-lived process");
			Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; sleep 1")
				.start();
			String kind = ProcessKind.of(child.pid(), child.info());
			child.waitFor();
			meter.step("after it");

			assertThat(meter.steps()).singleElement()
				.satisfies((step) -> assertThat(step.coresByProcess().get(kind)).isPositive());
		}
	}

	@Test
	void namesTheBrokerTheServicesAndAnythingElse() {
		assertThat(ProcessKind.of("/usr/bin/java", List.of("-cp", "/p/local-stack.jar", "kafka.Kafka", "server.properties")))
			.isEqualTo("kafka");
		assertThat(ProcessKind.of("/usr/bin/java",
				List.of("-javaagent:/tmp/w.jar", "-Xmx256m", "-jar", "/p/class-data/fanout-consumers-02f/app/fanout-consumers.jar")))
			.isEqualTo("fanout-consumers");
		assertThat(ProcessKind.of("/usr/bin/java", List.of("-jar", "local-stack/target/local-stack.jar", "-w", "2")))
			.isEqualTo("local-stack");
		assertThat(ProcessKind.of("/usr/bin/java", List.of("-cp", "bench.jar", "org.apache.kafka.tools.ProducerPerformance")))
			.isEqualTo("kafka-tools");
		assertThat(ProcessKind.of("/usr/bin/kcat", List.of("-b", "localhost:9092"))).isEqualTo("kcat");
		assertThat(ProcessKind.of(ProcessHandle.current().pid(), ProcessHandle.current().info())).isEqualTo("benchmark");
	}

	@Test
	void readsTheMachinesBusyTicksWithoutIdleAndIowait() {
		CpuMeter.MachineTicks earlier = CpuMeter.MachineTicks.parse("cpu  100 0 50 800 50 0 0 0 0 0");
		CpuMeter.MachineTicks later = CpuMeter.MachineTicks.parse("cpu  250 0 100 850 50 0 0 0 0 0");

		assertThat(earlier).isEqualTo(new CpuMeter.MachineTicks(150, 1000));
		assertThat(later.busyFractionSince(earlier)).isEqualTo(0.8);
	}

}
