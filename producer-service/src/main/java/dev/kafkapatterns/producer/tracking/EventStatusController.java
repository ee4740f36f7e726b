package dev.kafkapatterns.producer.tracking;

import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/events/{id}}: where the event went and which consumer groups processed it.
 */
@RestController
class EventStatusController {

	private final DeliveryTracker tracker;

	private final TrackingProperties tracking;

	EventStatusController(DeliveryTracker tracker, TrackingProperties tracking) {
		this.tracker = tracker;
		this.tracking = tracking;
	}

	@GetMapping(path = "/api/events/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	EventStatus status(@PathVariable String id) {
		return this.tracker.find(id).orElseThrow(() -> notFound(id));
	}

	private ErrorResponseException notFound(String id) {
		ProblemDetail problem = ProblemType.EVENT_NOT_FOUND
			.problem("No event with this id is known. This instance remembers the last " + this.tracking.maxEvents()
					+ " events it published or saw receipts for.");
		problem.setProperty("id", id);
		return new ErrorResponseException(ProblemType.EVENT_NOT_FOUND.status(), problem, null);
	}

}
