package dev.kafkapatterns.producer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bad requests of every kind, each with the status it must get and a word its problem must
 * mention. The slice tests check the answers; the integration tests send the same requests to a
 * real server and broker and check that nothing was published.
 */
public final class BadRequests {

	private static final String JSON = "application/json";

	private BadRequests() {
	}

	public static Stream<BadRequest> all() {
		List<BadRequest> cases = new ArrayList<>();
		// Invalid JSON.
		cases.add(bad("truncated object", "/api/events", "{\"type\":\"a\"", 400, "not valid JSON"));
		cases.add(bad("not JSON at all", "/api/events", "hello", 400, "not valid JSON"));
		cases.add(bad("single quotes", "/api/events", "{'type':'a'}", 400, "not valid JSON"));
		cases.add(bad("trailing garbage", "/api/events", "{\"type\":\"a\"} x", 400, "JSON"));
		cases.add(bad("duplicate field", "/api/events", "{\"type\":\"a\",\"type\":\"b\"}", 400, "Duplicate"));
		cases.add(bad("NaN literal", "/api/events", "{\"type\":\"a\",\"payload\":{\"x\":NaN}}", 400, "not valid JSON"));
		cases.add(bad("comment", "/api/events", "{/* hi */\"type\":\"a\"}", 400, "not valid JSON"));
		cases.add(bad("empty body", "/api/events", "", 400, "missing"));
		// Wrong types.
		cases.add(bad("type is a number", "/api/events", "{\"type\":123}", 400, "type"));
		cases.add(bad("type is a boolean", "/api/events", "{\"type\":true}", 400, "type"));
		cases.add(bad("type is an array", "/api/events", "{\"type\":[\"a\"]}", 400, "type"));
		cases.add(bad("key is a number", "/api/events", "{\"type\":\"a\",\"key\":5}", 400, "key"));
		cases.add(bad("payload is a string", "/api/events", "{\"type\":\"a\",\"payload\":\"x\"}", 400, "payload"));
		cases.add(bad("payload is an array", "/api/events", "{\"type\":\"a\",\"payload\":[1]}", 400, "payload"));
		cases.add(bad("body is an array", "/api/events", "[{\"type\":\"a\"}]", 400, "JSON object"));
		cases.add(bad("body is a string", "/api/events", "\"a\"", 400, "JSON object"));
		cases.add(bad("unknown field", "/api/events", "{\"type\":\"a\",\"paylod\":{}}", 400, "paylod"));
		// Missing or invalid type.
		cases.add(bad("no type", "/api/events", "{\"key\":\"k\"}", 400, "type"));
		cases.add(bad("null type", "/api/events", "{\"type\":null}", 400, "type"));
		cases.add(bad("empty type", "/api/events", "{\"type\":\"\"}", 400, "type"));
		cases.add(bad("type with spaces", "/api/events", "{\"type\":\"order placed\"}", 400, "type"));
		cases.add(bad("type with a newline", "/api/events", "{\"type\":\"a\\nb\"}", 400, "type"));
		cases.add(bad("type too long", "/api/events", "{\"type\":\"" + "t".repeat(101) + "\"}", 400, "type"));
		// Oversized.
		cases.add(bad("key too long", "/api/events", "{\"type\":\"a\",\"key\":\"" + "k".repeat(257) + "\"}", 400, "key"));
		cases.add(bad("key with control characters", "/api/events", "{\"type\":\"a\",\"key\":\"a\\u0000b\"}", 400, "key"));
		cases.add(bad("empty key", "/api/events", "{\"type\":\"a\",\"key\":\"\"}", 400, "key"));
		cases.add(bad("oversized payload", "/api/events",
				"{\"type\":\"a\",\"payload\":{\"blob\":\"" + "p".repeat(300_000) + "\"}}", 413, "larger than the limit"));
		cases.add(bad("oversized body of whitespace", "/api/events", " ".repeat(262_145) + "{\"type\":\"a\"}", 413,
				"larger than the limit"));
		cases.add(bad("deeply nested payload", "/api/events",
				"{\"type\":\"a\",\"payload\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}", 400, "nesting"));
		cases.add(bad("deeply nested arrays", "/api/events",
				"{\"type\":\"a\",\"payload\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}}", 400, "nesting"));
		// Content types and encodings.
		cases.add(new BadRequest("text/plain", "/api/events", bytes("{\"type\":\"a\"}"), "text/plain", 415, "must be application/json"));
		cases.add(new BadRequest("no content type", "/api/events", bytes("{\"type\":\"a\"}"), null, 415, "Content-Type"));
		cases.add(new BadRequest("form encoded", "/api/events", bytes("type=a"), "application/x-www-form-urlencoded", 415,
				"must be application/json"));
		cases.add(new BadRequest("invalid UTF-8", "/api/events",
				concat(bytes("{\"type\":\"a\",\"key\":\""), new byte[] { (byte) 0xff, (byte) 0xfe }, bytes("\"}")), JSON,
				400, "UTF-8"));
		// Jackson decodes the overlong form of '/' leniently; the type check still refuses it.
		cases.add(new BadRequest("overlong UTF-8", "/api/events",
				concat(bytes("{\"type\":\"a"), new byte[] { (byte) 0xc0, (byte) 0xaf }, bytes("\"}")), JSON, 400,
				"type"));
		// Batches.
		cases.add(bad("empty batch", "/api/events/batch", "[]", 400, "1 to 1000"));
		cases.add(bad("batch of 1001", "/api/events/batch", batchOf(1001), 400, "1001"));
		cases.add(bad("batch is an object", "/api/events/batch", "{\"type\":\"a\"}", 400, "JSON array"));
		cases.add(bad("batch with a null item", "/api/events/batch", "[{\"type\":\"a\"},null]", 400, "[1]"));
		cases.add(bad("batch with one invalid item", "/api/events/batch", "[{\"type\":\"a\"},{\"type\":\"b c\"}]", 400,
				"[1].type"));
		cases.add(bad("batch with a wrong type", "/api/events/batch", "[{\"type\":\"a\"},{\"type\":7}]", 400, "[1].type"));
		cases.add(bad("oversized batch body", "/api/events/batch",
				"[" + ("{\"type\":\"a\",\"payload\":{\"s\":\"" + "x".repeat(1000) + "\"}},").repeat(300) + "{\"type\":\"a\"}]", 413,
				"larger than the limit"));
		cases.add(new BadRequest("bad Idempotency-Key", "/api/events", bytes("{\"type\":\"a\"}"), JSON, 400,
				"Idempotency-Key", "Idempotency-Key", "i".repeat(300)));
		cases.add(new BadRequest("Idempotency-Key of 256 characters", "/api/events", bytes("{\"type\":\"a\"}"), JSON, 400,
				"1 to 255 printable ASCII characters", "Idempotency-Key", "i".repeat(256)));
		// Unicode control and format characters in keys: they reorder or hide text in logs and consoles.
		cases.add(bad("key with a bidi override", "/api/events", "{\"type\":\"a\",\"key\":\"abc\u202Edcb\"}", 400, "key"));
		cases.add(bad("key with a line separator", "/api/events", "{\"type\":\"a\",\"key\":\"a\u2028b\"}", 400, "key"));
		cases.add(bad("key with a zero-width space", "/api/events", "{\"type\":\"a\",\"key\":\"a\u200Bb\"}", 400, "key"));
		cases.add(bad("key with a C1 control", "/api/events", "{\"type\":\"a\",\"key\":\"a\u0085b\"}", 400, "key"));
		cases.add(bad("key with a lone surrogate", "/api/events", "{\"type\":\"a\",\"key\":\"a\\ud800b\"}", 400, "key"));
		return cases.stream();
	}

	private static BadRequest bad(String name, String path, String body, int status, String mention) {
		return new BadRequest(name, path, bytes(body), JSON, status, mention);
	}

	private static String batchOf(int size) {
		return "[" + String.join(",", Collections.nCopies(size, "{\"type\":\"a\"}")) + "]";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	public record BadRequest(String name, String path, byte[] body, String contentType, int expectedStatus,
			String expectedMention, String... headers) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
