package dev.kafkapatterns.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BenchCommandTests {

	@Test
	void passesStackArgumentsWithSpacesInQuotesAsOneArgument() {
		BenchCommand command = BenchCommand.commandLine(List.of())
			.parseArgs("--stack-args", "--kafka-port 9094 --jvm-opts '-XX:+UseSerialGC -Xmx256m' --kafka-jvm-opts \"-Xss512k -Xmx384m\"")
			.commandSpec()
			.commandLine()
			.getCommand();

		assertThat(command.plan().localStack().extraArguments()).containsExactly("--kafka-port", "9094", "--jvm-opts",
				"-XX:+UseSerialGC -Xmx256m", "--kafka-jvm-opts", "-Xss512k -Xmx384m");
	}

	@Test
	void warmsUpEachScalingStepUnlessToldNotTo() {
		assertThat(plan().scaling().warmupJobsPerWorker()).isEqualTo(100);
		assertThat(plan("--scaling-warmup-jobs-per-worker", "0").scaling().warmupJobsPerWorker()).isZero();
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> plan("--scaling-warmup-jobs-per-worker", "-1"))
			.withMessage("--scaling-warmup-jobs-per-worker must be 0 or more, not -1");
	}

	@Test
	void saysWhyTheStackIsMissingWithoutAStackTrace(@TempDir Path output) {
		StringWriter err = new StringWriter();
		String[] args = { "--local-stack-jar=" + output.resolve("no-such.jar"), "--scenarios=baselines",
				"--output=" + output, "--log-dir=" + output };
		CommandLine command = BenchCommand.commandLine(List.of(args)).setErr(new PrintWriter(err, true));

		int exitCode = command.execute(args);

		assertThat(exitCode).isEqualTo(1);
		assertThat(err.toString()).startsWith("bench: No local-stack jar at " + output.resolve("no-such.jar"))
			.doesNotContain("\tat ");
	}

	private static BenchPlan plan(String... args) {
		BenchCommand command = BenchCommand.commandLine(List.of(args))
			.parseArgs(args)
			.commandSpec()
			.commandLine()
			.getCommand();
		return command.plan();
	}

}
