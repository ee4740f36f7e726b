package dev.kafkapatterns.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent in every child JVM that ends the child when its launcher is gone, even when the
 * launcher was killed with SIGKILL and could not stop anything.
 *
 * <p>It watches standard input. The launcher holds the only write end of each child's stdin pipe
 * and never writes to it; however the launcher ends, the kernel closes that end and the child
 * reads end-of-file at once. The alternatives are worse: watching the parent's pid means polling
 * and pid reuse, and Linux's parent-death signal belongs to the thread that started the child,
 * not the process. An agent ({@code -javaagent}) runs the same in the broker's JVM and in the
 * Spring Boot JVMs, without a change to their code or their main class.
 *
 * <p>On end-of-file it exits through the shutdown hooks, so the services leave their groups and
 * the broker shuts down cleanly if they can; with the broker going away too that may hang, so it
 * halts after {@link #GRACE_MILLIS} at the latest. This class uses nothing but the JDK: its jar
 * holds it alone.
 */
public final class ChildWatchdog implements Runnable {

	/** The longest a child takes to stop once its launcher is gone. */
	static final long GRACE_MILLIS = 8_000;

	private ChildWatchdog() {
	}

	/**
	 * Starts watching, on a daemon thread.
	 * @param arguments ignored
	 */
	public static void premain(String arguments) {
		Thread watchdog = new Thread(new ChildWatchdog(), "local-stack-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	@Override
	public void run() {
		try {
			while (System.in.read() != -1) {
				// The launcher writes nothing; read until it is gone.
			}
		}
		catch (IOException ex) {
			// Gone as well.
		}
		Thread halt = new Thread(() -> {
			try {
				Thread.sleep(GRACE_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Runtime.getRuntime().halt(1);
		}, "local-stack-watchdog-halt");
		halt.setDaemon(true);
		halt.start();
		System.exit(0);
	}

	/**
	 * Writes the agent's jar, this class and a manifest that names it, replacing an older one
	 * atomically: a child that still runs keeps reading its own.
	 * @param directory where to write it
	 * @return the jar, for {@code -javaagent:<jar>}
	 */
	static Path writeAgentJar(Path directory) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ChildWatchdog.class.getName());
		String entry = ChildWatchdog.class.getName().replace('.', '/') + ".class";
		Path jar = directory.resolve("local-stack-watchdog.jar");
		Path written = Files.createTempFile(directory, "local-stack-watchdog", ".jar");
		try (OutputStream file = Files.newOutputStream(written);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream in = ChildWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
		return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
