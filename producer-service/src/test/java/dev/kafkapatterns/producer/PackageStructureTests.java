package dev.kafkapatterns.producer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages of the producer-service depend on each other in one direction only, so
 * each can be read, and changed, without the others that build on it.
 */
class PackageStructureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.kafkapatterns.producer");

	@Test
	void noTwoPackagesFormACycle() {
		slices().matching("dev.kafkapatterns.producer.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

}
