package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service is healthy when {@code GET /actuator/health} answers 200, which our services do only
 * when Kafka is reachable.
 */
final class ActuatorHealthCheck implements HealthCheck {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final HttpRequest request;

	ActuatorHealthCheck(int port) {
		this.request = HttpRequest.newBuilder(URI.create("http://" + ServiceDefinitions.LOOPBACK + ":" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
	}

	@Override
	public boolean healthy() throws InterruptedException {
		try {
			return client.send(this.request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
