package dev.kafkapatterns.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceDefinitionTests {

	private final ProjectJars jars = new ProjectJars(Path.of("/src/project"));

	private final ServiceDefinitions definitions = new ServiceDefinitions(this.jars, "localhost:19092",
			Path.of("/run/audit/audit-trail.jsonl"), new Ports(18080, 18090, 19092, 19093), WorkerMode.GROUP, false);

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
	void theDashboardPublishesThroughTheProducerOnLoopback() {
		ServiceDefinition dashboard = this.definitions.dashboard(18090, 18080);

		assertThat(dashboard.name()).isEqualTo("dashboard");
		assertThat(dashboard.httpPort()).isEqualTo(18090);
		assertThat(dashboard.jar()).isEqualTo(Path.of("/src/project/dashboard/target/dashboard.jar"));
		assertThat(dashboard.environment()).containsEntry("SERVER_PORT", "18090")
			.containsEntry("APP_INSTANCE_ID", "dashboard")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
			.containsEntry("DASHBOARD_PRODUCER_URL", "http://127.0.0.1:18080")
			.doesNotContainKey("APP_DEMO_ENABLED");
	}

	@Test
	void theDashboardStartsRightAfterTheProducerOrNotAtAll() {
		assertThat(this.definitions.initial(18080, OptionalInt.of(18090), 2)).extracting(ServiceDefinition::name)
			.containsExactly("producer-service", "dashboard", "fanout-audit", "fanout-notifications",
					"fanout-monitoring", "queue-worker-1", "queue-worker-2");
		assertThat(this.definitions.initial(18080, OptionalInt.empty(), 1)).extracting(ServiceDefinition::name)
			.containsExactly("producer-service", "fanout-audit", "fanout-notifications", "fanout-monitoring",
					"queue-worker-1");
	}

	@Test
	void byDefaultEveryServiceLogsWhatALearnerReads() {
		assertThat(this.definitions.initial(18080, OptionalInt.of(18090), 1)).allSatisfy((service) -> assertThat(
				service.environment()).containsAllEntriesOf(LearnerLogging.ENVIRONMENT));
		assertThat(LearnerLogging.ENVIRONMENT).containsExactly(entry("LOGGING_LEVEL_ROOT", "warn"),
				entry("LOGGING_LEVEL_DEV_KAFKAPATTERNS", "info"),
				entry("LOGGING_PATTERN_CONSOLE", "%d{HH:mm:ss.SSS} %-5level %logger{0} : %msg%n"));
	}

	@Test
	void verboseLeavesSpringBootsLoggingDefaults() {
		ServiceDefinitions verbose = new ServiceDefinitions(this.jars, "localhost:19092",
				Path.of("/run/audit/audit-trail.jsonl"), new Ports(18080, 18090, 19092, 19093), WorkerMode.GROUP, true);

		assertThat(verbose.initial(18080, OptionalInt.of(18090), 1)).allSatisfy((service) -> assertThat(
				service.environment().keySet()).noneMatch((name) -> name.startsWith("LOGGING_")));
	}

	@Test
	void everyServiceListensOnLoopbackOnly() {
		assertThat(List.of(this.definitions.producer(18080), this.definitions.fanout("monitoring"),
				this.definitions.worker(1), this.definitions.dashboard(18090, 18080)))
			.allSatisfy((service) -> assertThat(service.environment()).containsEntry("SERVER_ADDRESS", "127.0.0.1"));
	}

	@Test
	void inShareModeEveryWorkerIsToldSoAndScalingAddsShareWorkers() {
		ServiceDefinitions share = new ServiceDefinitions(this.jars, "localhost:19092",
				Path.of("/run/audit/audit-trail.jsonl"), new Ports(18080, 18090, 19092, 19093), WorkerMode.SHARE, false);

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

		assertThat(ports).doesNotHaveDuplicates().doesNotContain(18080, 18090, 19092, 19093);
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
