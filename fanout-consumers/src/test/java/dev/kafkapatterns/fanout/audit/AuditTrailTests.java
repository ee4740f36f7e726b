package dev.kafkapatterns.fanout.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTests {

	@TempDir
	Path dir;

	@Test
	void appendsOneJsonLinePerEntryAcrossReopens() throws Exception {
		Path file = this.dir.resolve("nested/audit.jsonl");
		JsonMapper json = JsonMapper.builder().build();
		try (AuditTrail trail = new AuditTrail(file, json, true)) {
			trail.append(entry("e-1", 0));
			trail.append(entry("e-2", 1));
		}
		try (AuditTrail trail = new AuditTrail(file, json, false)) {
			trail.append(entry("e-3", 2));
		}

		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(3);
		assertThat(json.readTree(lines.get(0)).get("eventId").asString()).isEqualTo("e-1");
		assertThat(json.readTree(lines.get(2)).get("offset").asLong()).isEqualTo(2);
		assertThat(json.readTree(lines.get(1)).get("payload").get("amount").asInt()).isEqualTo(7);
	}

	private static AuditEntry entry(String id, long offset) {
		return new AuditEntry(id, "order.placed", "customer-1", Map.of("amount", 7), Instant.now(), 0, offset,
				"audit-1", Instant.now());
	}

}
