package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The stack's TCP ports: the fixed ones, checked before anything starts, and fresh ones for the
 * services nobody needs to reach at a fixed address. A fresh port is never one the stack has
 * taken already, the broker's and controller's included: they are free until the broker binds
 * them, so the operating system could offer them again.
 */
final class Ports {

	private final Set<Integer> taken = new HashSet<>();

	private final IntSupplier freePorts;

	/**
	 * @param taken the ports the stack uses already: producer-service's, the dashboard's, the
	 * broker's and the controller's
	 */
	Ports(int... taken) {
		this(Ports::freePort, taken);
	}

	Ports(IntSupplier freePorts, int... taken) {
		this.freePorts = freePorts;
		for (int port : taken) {
			this.taken.add(port);
		}
	}

	/** A free port that the stack has not handed out or taken before. */
	synchronized int fresh() {
		while (true) {
			int port = this.freePorts.getAsInt();
			if (this.taken.add(port)) {
				return port;
			}
		}
	}

	/**
	 * Checks that the fixed ports differ and are free; 0 means "any free port" and is not
	 * checked, nor are producer-service's and the dashboard's when only the broker runs, nor the
	 * dashboard's without a dashboard.
	 * @throws LocalStackException naming the flag to change
	 */
	static void requireDistinctAndFree(LocalStackOptions options) {
		Map<String, Integer> portsByFlag = new LinkedHashMap<>();
		if (!options.brokerOnly()) {
			portsByFlag.put("--http-port", options.httpPort());
			if (options.dashboard()) {
				portsByFlag.put("--dashboard-port", options.dashboardPort());
			}
		}
		portsByFlag.put("--kafka-port", options.kafkaPort());
		portsByFlag.put("--controller-port", options.controllerPort());
		portsByFlag.values().removeIf((port) -> port == 0);
		// The same port twice is a mistake in the options whatever the machine holds, so it is
		// reported before any port is found taken.
		Map<Integer, String> flagByPort = new LinkedHashMap<>();
		portsByFlag.forEach((flag, port) -> {
			String other = flagByPort.putIfAbsent(port, flag);
			if (other != null) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
						other + " and " + flag + " are both " + port + "; give them different ports");
			}
		});
		portsByFlag.forEach((flag, port) -> {
			if (!isFree(port)) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
						"Port " + port + " is already in use; choose another with " + flag);
			}
		});
	}

	/**
	 * The fixed ports of a stack, each 0 replaced by a free port.
	 * @return the ports; no dashboard port when the stack runs without a dashboard
	 */
	static Fixed fix(LocalStackOptions options) {
		OptionalInt dashboard = (options.dashboard() && !options.brokerOnly())
				? OptionalInt.of(orFree(options.dashboardPort())) : OptionalInt.empty();
		return new Fixed(orFree(options.httpPort()), dashboard, orFree(options.kafkaPort()),
				orFree(options.controllerPort()));
	}

	/**
	 * The ports the stack takes at fixed numbers.
	 *
	 * @param http producer-service's
	 * @param dashboard the dashboard's, empty without a dashboard
	 * @param kafka the broker's client port
	 * @param controller the broker's KRaft controller port
	 */
	record Fixed(int http, OptionalInt dashboard, int kafka, int controller) {

		/** The fresh ports for the other services, none of them one of these. */
		Ports others() {
			return new Ports(this.http, this.dashboard.orElse(this.http), this.kafka, this.controller);
		}

	}

	/** The port itself, or a free one for 0. */
	static int orFree(int port) {
		return (port != 0) ? port : freePort();
	}

	/**
	 * Whether the port is free on every interface. Binding the wildcard address fails when any
	 * process listens on the port, on localhost or elsewhere.
	 */
	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

}
