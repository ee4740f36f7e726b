package dev.kafkapatterns.dashboard.deliveries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live deliveries table as JSON, the same rows the stream sends to a page that opens.
 */
@RestController
@Tag(name = "Deliveries", description = "The last events and which groups processed each")
class DeliveriesController {

	private final DeliveryBoard board;

	DeliveriesController(DeliveryBoard board) {
		this.board = board;
	}

	@GetMapping("/api/deliveries")
	@Operation(summary = "The last events, newest first, with one delivery per group that sent a receipt",
			description = "Keeps dashboard.deliveries.max-rows events (200). Text from events is returned as it was "
					+ "written to Kafka, JSON-escaped; render it as text.")
	DeliveryBoard.Changes deliveries() {
		return this.board.rows();
	}

}
