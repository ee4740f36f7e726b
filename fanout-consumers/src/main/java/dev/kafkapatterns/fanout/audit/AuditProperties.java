package dev.kafkapatterns.fanout.audit;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail ({@code fanout.audit.*}).
 *
 * @param file the file each event is appended to, as one JSON line
 * @param fsync whether each line is forced to the disk before the offset is committed, not only
 * written to the operating system; safer against power loss, slower
 */
@Validated
@ConfigurationProperties("fanout.audit")
public record AuditProperties(@DefaultValue("audit/audit-trail.jsonl") @NotNull Path file,
		@DefaultValue("false") boolean fsync) {
}
