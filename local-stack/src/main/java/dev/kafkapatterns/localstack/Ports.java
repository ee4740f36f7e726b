package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
	 * @param taken the ports the stack uses already: producer-service's, the broker's and the
	 * controller's
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
	 * checked, nor is producer-service's when only the broker runs.
	 * @throws LocalStackException naming the flag to change
	 */
	static void requireDistinctAndFree(LocalStackOptions options) {
		Map<String, Integer> portsByFlag = new LinkedHashMap<>();
		if (!options.brokerOnly()) {
			portsByFlag.put("--http-port", options.httpPort());
		}
		portsByFlag.put("--kafka-port", options.kafkaPort());
		portsByFlag.put("--controller-port", options.controllerPort());
		Map<Integer, String> flagByPort = new LinkedHashMap<>();
		portsByFlag.forEach((flag, port) -> {
			if (port == 0) {
				return;
			}
			String other = flagByPort.putIfAbsent(port, flag);
			if (other != null) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
						other + " and " + flag + " are both " + port + "; give them different ports");
			}
			if (!isFree(port)) {
				throw new LocalStackException(LocalStackException.SETUP_PROBLEM,
						"Port " + port + " is already in use; choose another with " + flag);
			}
		});
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
