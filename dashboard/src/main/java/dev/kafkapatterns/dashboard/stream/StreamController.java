package dev.kafkapatterns.dashboard.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The page's live feed: Server-Sent Events with the deliveries table, the groups and their
 * history.
 */
@RestController
@Tag(name = "Stream", description = "Live updates for the page")
class StreamController {

	private final StreamClients clients;

	StreamController(StreamClients clients) {
		this.clients = clients;
	}

	@GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: hello, deliveries, history and groups",
			description = """
					First `hello` (the events topic and the table's size), `deliveries` with `reset: true` and \
					every row, `history` with each group's lag and \
					throughput points, and `groups` with the latest snapshot (as GET /api/groups, plus `error`). \
					Then, every dashboard.stream.interval (500 ms), a `deliveries` message with the rows that changed \
					(dead letters are part of a row) and a `groups` message when there is a new snapshot: changes in \
					between are coalesced. A client that cannot keep up is dropped; the browser reconnects.""")
	@ApiResponse(responseCode = "200", description = "The stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
	@ApiResponse(responseCode = "503", description = "dashboard.stream.max-clients streams are open already",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	SseEmitter stream() {
		return this.clients.open();
	}

}
