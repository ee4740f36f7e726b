package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefinitionTests {

	private final ProjectJars jars = new ProjectJars(Path.of("/src/project"));

	private final ServiceDefinitions definitions = new ServiceDefinitions(this.jars, "localhost:19092",
			Path.of("/run/audit/audit-trail.jsonl"), new Ports(18080, 19092, 19093), WorkerMode.GROUP);

	@Test
	void eachFanoutRoleIsItsOwnProcessWithTheAuditFileInTheRunDirectory() {
		ServiceDefinition audit = this.definitions.fanout("audit");

		assertThat(audit.name()).isEqualTo("fanout-audit");
		assertThat(audit.jar()).isEqualTo(Path.of("/src/project/fanout-consumers/target/fanout-consumers.jar"));
		assertThat(audit.environment()).containsEntry("FANOUT_ROLE", "audit")
			.containsEntry("FANOUT_AUDIT_FILE", "/run/audit/audit-trail.jsonl")
			.containsEntry("APP_INSTANCE_ID", "fanout-audit")
			.containsEntry("SERVER_PORT", String.valueOf(audit.httpPort()))
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
		assertThat(audit.httpPort()).isNotIn(18080, 19092, 19093);
	}

	@Test
	void aWorkerIsNamedByItsNumberAndIdentifiesAsSuch() {
		ServiceDefinition worker = this.definitions.worker(2);

		assertThat(worker.name()).isEqualTo("queue-worker-2");
		assertThat(worker.environment()).containsEntry("APP_INSTANCE_ID", "queue-worker-2")
			.containsEntry("SERVER_PORT", String.valueOf(worker.httpPort()))
			.containsEntry("WORKER_MODE", "group")
			.doesNotContainKey("FANOUT_ROLE");
		assertThat(worker.jar()).isEqualTo(Path.of("/src/project/queue-workers/target/queue-workers.jar"));
	}

	@Test
	void theProducerTakesTheHttpPortItIsGiven() {
		ServiceDefinition producer = this.definitions.producer(18080);

		assertThat(producer.name()).isEqualTo("producer-service");
		assertThat(producer.httpPort()).isEqualTo(18080);
		assertThat(producer.environment()).containsEntry("SERVER_PORT", "18080");
		assertThat(producer.jar()).isEqualTo(Path.of("/src/project/producer-service/target/producer-service.jar"));
	}

	@Test
	void everyServiceListensOnLoopbackOnly() {
		assertThat(List.of(this.definitions.producer(18080), this.definitions.fanout("monitoring"),
				this.definitions.worker(1)))
			.allSatisfy((service) -> assertThat(service.environment()).containsEntry("SERVER_ADDRESS", "127.0.0.1"));
	}

	@Test
	void inShareModeEveryWorkerIsToldSoAndScalingAddsShareWorkers() {
		ServiceDefinitions share = new ServiceDefinitions(this.jars, "localhost:19092",
				Path.of("/run/audit/audit-trail.jsonl"), new Ports(18080, 19092, 19093), WorkerMode.SHARE);

		assertThat(List.of(share.worker(1), share.worker(7)))
			.allSatisfy((worker) -> assertThat(worker.environment()).containsEntry("WORKER_MODE", "share"));
		assertThat(share.fanout("audit").environment()).doesNotContainKey("WORKER_MODE");
		assertThat(share.producer(18080).environment()).doesNotContainKey("WORKER_MODE");
	}

	@Test
	void theDemoLeversAreOnInEveryService() {
		assertThat(List.of(this.definitions.producer(18080), this.definitions.fanout("audit"),
				this.definitions.fanout("notifications"), this.definitions.fanout("monitoring"),
				this.definitions.worker(1)))
			.allSatisfy((service) -> assertThat(service.environment()).containsEntry("APP_DEMO_ENABLED", "true"));
	}

	@Test
	void everyServiceGetsAPortOfItsOwn() {
		List<Integer> ports = List.of(this.definitions.fanout("audit").httpPort(),
				this.definitions.fanout("notifications").httpPort(), this.definitions.worker(1).httpPort(),
				this.definitions.worker(2).httpPort());

		assertThat(ports).doesNotHaveDuplicates().doesNotContain(18080, 19092, 19093);
	}

	@Test
	void onlyQueueWorkerNamesHaveANumber() {
		assertThat(ServiceDefinition.workerNumber("queue-worker-12")).hasValue(12);
		assertThat(ServiceDefinition.workerNumber("queue-worker-0")).isEmpty();
		assertThat(ServiceDefinition.workerNumber("queue-worker-x")).isEmpty();
		assertThat(ServiceDefinition.workerNumber("fanout-audit")).isEmpty();
	}

	@Test
	void theProjectIsFoundFromWhereTheLauncherCodeLives() {
		ProjectJars found = ProjectJars.locate();

		assertThat(found.projectDirectory().resolve("local-stack/pom.xml")).isRegularFile();
		assertThat(found.producer()).endsWith(Path.of("producer-service", "target", "producer-service.jar"));
	}

}
