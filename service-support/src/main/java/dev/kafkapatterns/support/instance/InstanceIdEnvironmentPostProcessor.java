package dev.kafkapatterns.support.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code app.instance-id} a default that is unique per process, the host name plus the
 * pid, when neither the configuration nor {@code APP_INSTANCE_ID} sets it.
 *
 * <p>It is a property rather than a bean so that {@code ${app.instance-id}} works everywhere:
 * in the Kafka client id, in group ids and in the log pattern.
 */
public class InstanceIdEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The property that names this process in logs, receipts and client ids. */
	public static final String PROPERTY = "app.instance-id";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(PROPERTY)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaultInstanceId", Map.of(PROPERTY, defaultInstanceId())));
	}

	static String defaultInstanceId() {
		return hostName() + "-" + ProcessHandle.current().pid();
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
