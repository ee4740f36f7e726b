package dev.kafkapatterns.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture docs/ARCHITECTURE.md describes, checked on the compiled main classes of every
 * module: the model knows no framework, services meet only through Kafka, the launcher starts
 * jars rather than linking their code, and no two packages form a cycle.
 */
class ArchitectureTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final String[] MODULES = { "event-model", "service-support", "producer-service",
			"fanout-consumers", "queue-workers", "dashboard", "local-stack", "bench" };

	private static final String[] SERVICES = { "dev.kafkapatterns.producer..", "dev.kafkapatterns.fanout..",
			"dev.kafkapatterns.worker..", "dev.kafkapatterns.dashboard.." };

	private static final JavaClasses CLASSES = new ClassFileImporter().importPaths(Arrays.stream(MODULES)
		.map((module) -> PROJECT.resolve(module).resolve("target/classes"))
		.filter(Files::isDirectory)
		.toList());

	@Test
	void everyModuleWasRead() {
		assertThat(CLASSES.containPackage("dev.kafkapatterns.model")).isTrue();
		assertThat(CLASSES.containPackage("dev.kafkapatterns.producer")).isTrue();
		assertThat(CLASSES.containPackage("dev.kafkapatterns.fanout")).isTrue();
		assertThat(CLASSES.containPackage("dev.kafkapatterns.worker")).isTrue();
		assertThat(CLASSES.containPackage("dev.kafkapatterns.localstack")).isTrue();
	}

	@Test
	void theEventModelDependsOnNothingButTheJdk() {
		noClasses().that()
			.resideInAPackage("dev.kafkapatterns.model..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("dev.kafkapatterns.model..", "java..")
			.because("any client, in any framework, can share the event's shape")
			.check(CLASSES);
	}

	@Test
	void serviceSupportDependsOnNoService() {
		noClasses().that()
			.resideInAPackage("dev.kafkapatterns.support..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES)
			.because("it is what the services share, not a service")
			.check(CLASSES);
	}

	@Test
	void servicesMeetOnlyThroughKafka() {
		for (String service : SERVICES) {
			String[] others = Stream.of(SERVICES).filter((other) -> !other.equals(service)).toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(service)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.because("services meet only through Kafka; each is deployed, scaled and changed alone")
				.allowEmptyShould(true)
				.check(CLASSES);
		}
	}

	@Test
	void theLauncherStartsJarsAndLinksNoServiceCode() {
		noClasses().that()
			.resideInAPackage("dev.kafkapatterns.localstack..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(Stream.concat(Stream.of(SERVICES), Stream.of("dev.kafkapatterns.support.."))
				.toArray(String[]::new))
			.because("it runs the services as processes, on their contract: environment, ports, health")
			.check(CLASSES);
	}

	@Test
	void noTwoPackagesFormACycle() {
		slices().matching("dev.kafkapatterns.(**)").should().beFreeOfCycles().check(CLASSES);
	}

}
