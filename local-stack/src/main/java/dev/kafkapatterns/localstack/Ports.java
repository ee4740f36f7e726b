package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a TCP port can be listened on, and free ports for the services nobody needs to reach
 * at a fixed address.
 */
final class Ports {

	private Ports() {
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

	/** A port the operating system considers free right now. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	/** The message for a taken port, naming the option that changes it. */
	static String inUseMessage(int port, String option) {
		return "Port " + port + " is already in use; choose another with " + option;
	}

}
