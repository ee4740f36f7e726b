package dev.kafkapatterns.dashboard.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's publish form: builds one batch and passes the producer-service's answer, or its
 * problem, back to the page unchanged.
 */
@RestController
@Tag(name = "Publish", description = "Publish through the producer-service's REST API")
class PublishController {

	private final ProducerClient producer;

	private final JsonMapper json;

	PublishController(ProducerClient producer, JsonMapper json) {
		this.producer = producer;
		this.json = json;
	}

	@PostMapping(path = "/api/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publish count copies of an event as one batch through POST /api/events/batch of the "
			+ "producer-service (dashboard.producer-url)",
			description = "The producer-service's answer (202 with the results, or its problem) is passed on as it is.")
	@ApiResponse(responseCode = "202", description = "The producer-service's answer: one result per event")
	@ApiResponse(responseCode = "400", description = "A count outside 1 to 1000, or an event the producer-service refused",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "The producer-service did not answer, or its broker did not",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> publish(@Valid @RequestBody PublishRequest request) {
		ProducerAnswer answer = this.producer.publish(this.json.writeValueAsString(batch(request)));
		MediaType type = answer.contentType();
		if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
			throw new ProducerUnavailableException("The producer-service answered " + answer.status() + " with "
					+ ((type != null) ? type : "no content type") + " instead of JSON.", null);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status()).contentType(type);
		if (answer.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
		}
		return response.body(answer.body());
	}

	static List<Map<String, Object>> batch(PublishRequest request) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", request.type());
		if (request.key() != null && !request.key().isBlank()) {
			event.put("key", request.key());
		}
		Map<String, Object> payload = new LinkedHashMap<>((request.payload() != null) ? request.payload() : Map.of());
		if (request.workMs() != null) {
			payload.put("workMs", request.workMs());
		}
		if (!payload.isEmpty()) {
			event.put("payload", payload);
		}
		List<Map<String, Object>> batch = new ArrayList<>(request.count());
		for (int i = 0; i < request.count(); i++) {
			batch.add(event);
		}
		return batch;
	}

}
