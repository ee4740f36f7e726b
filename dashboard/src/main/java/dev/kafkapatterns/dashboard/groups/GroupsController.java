package dev.kafkapatterns.dashboard.groups;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The groups panel's data: every consumer group and share group with its members, partitions,
 * offsets and lag, and the charts' history.
 */
@RestController
@Tag(name = "Groups", description = "Consumer groups and share groups as the broker describes them")
class GroupsController {

	private final GroupsRefresher refresher;

	GroupsController(GroupsRefresher refresher) {
		this.refresher = refresher;
	}

	@GetMapping("/api/groups")
	@Operation(summary = "Every consumer group and share group: state, members, the partitions each owns, "
			+ "committed offset, end offset and lag per partition, total lag and throughput")
	@ApiResponse(responseCode = "200", description = "The latest snapshot (taken every dashboard.groups.refresh-interval)")
	@ApiResponse(responseCode = "503", description = "The broker did not answer the latest request in time",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	GroupsSnapshot groups() {
		GroupsRefresher.Latest latest = this.refresher.latest();
		if (latest.error() != null || latest.snapshot() == null) {
			throw new GroupsUnavailableException(latest.error(), null);
		}
		return latest.snapshot();
	}

	@GetMapping("/api/groups/history")
	@Operation(summary = "Lag and throughput per group over the last dashboard.groups.history (5 minutes), oldest first")
	Map<String, List<GroupHistory.Point>> history() {
		return this.refresher.history();
	}

}
