package dev.kafkapatterns.dashboard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dashboard's rules, checked: it only describes groups, it meets the other services only
 * through Kafka and their public HTTP API, and it never writes to Kafka.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.kafkapatterns.dashboard");

	@Test
	void theAdminClientOnlyDescribes() {
		noClasses().should()
			.callMethodWhere(target(owner(assignableTo(Admin.class)))
				.and(target(nameMatching("(delete|alter|remove|elect|abort|fence|unregister|terminate|update|add).*"))))
			.because("the dashboard only describes groups; nothing can delete, reset or change anything")
			.check(this.classes);
		noClasses().that()
			.resideOutsideOfPackage("..dashboard.groups..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.kafka.clients.admin..")
			.because("the Admin client is private to the groups panel")
			.check(this.classes);
	}

	@Test
	void itNeverWritesToKafkaAndKnowsNoOtherServicesCode() {
		noClasses().should()
			.dependOnClassesThat(resideInAPackage("org.apache.kafka.clients.producer..")
				.or(assignableTo(KafkaOperations.class))
				.or(assignableTo(ProducerFactory.class)))
			.because("publishing goes through the producer-service's REST API, never straight to Kafka")
			.check(this.classes);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.kafkapatterns.producer..", "dev.kafkapatterns.fanout..", "dev.kafkapatterns.worker..",
					"dev.kafkapatterns.localstack..", "dev.kafkapatterns.support.delivery..")
			.because("the dashboard meets the other services only through Kafka and their HTTP API")
			.check(this.classes);
	}

}
