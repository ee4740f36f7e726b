package dev.kafkapatterns.producer.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a request: SHA-256 of its method, path and body bytes. Two requests with
 * the same fingerprint are the same request; a key sent again with another fingerprint is a
 * client error (422).
 */
public final class RequestFingerprint {

	private RequestFingerprint() {
	}

	/**
	 * @param method the HTTP method
	 * @param path the request path
	 * @param body the body bytes, as received
	 * @return the fingerprint, 64 hex digits
	 */
	public static String of(String method, String path, byte[] body) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			// A NUL cannot occur in a method or a path, so method, path and body cannot run together.
			sha256.update((method + '\0' + path + '\0').getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
