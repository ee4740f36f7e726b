package dev.kafkapatterns.localstack;

import java.time.Duration;

/**
 * A broker that stops once it answers: the training run of {@link BrokerClassData}. It runs
 * {@code kafka.Kafka} in this JVM and exits when the broker has described its cluster, or after
 * a few minutes at the latest, so that it never outlives a launcher that was killed.
 */
final class BrokerTrainingRun {

	private BrokerTrainingRun() {
	}

	/**
	 * @param arguments the broker's {@code server.properties} and its bootstrap address
	 */
	public static void main(String[] arguments) throws InterruptedException {
		Thread broker = new Thread(() -> kafka.Kafka.main(new String[] { arguments[0] }), "kafka");
		broker.setDaemon(true);
		broker.start();
		boolean answered = KafkaBroker.awaitAnswer(arguments[1], Duration.ofMinutes(3), broker::isAlive);
		// Kafka's shutdown hook stops the broker; the JVM writes the archive as it exits.
		System.exit(answered ? 0 : 1);
	}

}
