package dev.kafkapatterns.producer.apidocs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.kafkapatterns.producer.problem.FieldProblem;
import dev.kafkapatterns.producer.problem.ProblemType;
import dev.kafkapatterns.producer.publish.EventOutcome;
import dev.kafkapatterns.producer.publish.IdempotencyKeyFormat;
import dev.kafkapatterns.producer.publish.PublishEventRequest;
import dev.kafkapatterns.producer.publish.PublishedEvent;
import dev.kafkapatterns.producer.tracking.EventStatus;

/**
 * Completes what springdoc reads from the controllers: the request bodies (bound from bytes in
 * the code, described here by the records that carry the validation annotations), every status
 * each endpoint can answer with its problem body, and the {@code Location},
 * {@code Retry-After} and {@code Idempotent-Replayed} headers.
 */
class PublishApiContract implements OpenApiCustomizer {

	private static final String JSON = "application/json";

	private static final String PROBLEM_JSON = "application/problem+json";

	private final int maxBatchSize;

	PublishApiContract(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
		api.setComponents(components);
		for (Class<?> type : List.of(PublishEventRequest.class, PublishedEvent.class, EventOutcome.class,
				FieldProblem.class, EventStatus.class)) {
			ModelConverters.getInstance(true).readAll(new AnnotatedType(type)).forEach(components::addSchemas);
		}
		components.addSchemas("BatchPublished", new ObjectSchema().description("Where each event went, in request order")
			.addProperty("results", new ArraySchema().items(ref("PublishedEvent"))));
		components.addSchemas("Problem", problemSchema());
		Operation publish = api.getPaths().get("/api/events").getPost();
		publish.summary("Publish one event").requestBody(body(ref("PublishEventRequest"),
				"{\"type\":\"order.placed\",\"key\":\"customer-42\",\"payload\":{\"orderId\":\"o-1001\",\"amount\":42.5}}"));
		publish.responses(publishResponses(ref("PublishedEvent"), true));
		describeIdempotencyKey(publish);
		Operation batch = api.getPaths().get("/api/events/batch").getPost();
		batch.summary("Publish a batch of events, all or none validated first")
			.requestBody(body(new ArraySchema().items(ref("PublishEventRequest")).minItems(1).maxItems(this.maxBatchSize),
					"[{\"type\":\"report.requested\",\"key\":\"tenant-1\",\"payload\":{\"workMs\":500}}]"));
		batch.responses(publishResponses(ref("BatchPublished"), false));
		describeIdempotencyKey(batch);
		Operation status = api.getPaths().get("/api/events/{id}").getGet();
		status.summary("Where an event went and which consumer groups processed it")
			.responses(new ApiResponses().addApiResponse("200", json("The event and its deliveries", ref("EventStatus")))
				.addApiResponse("404", problem(ProblemType.EVENT_NOT_FOUND)));
	}

	private ApiResponses publishResponses(Schema<?> accepted, boolean location) {
		ApiResponse ok = json("Every event was acknowledged by the broker", accepted).addHeaderObject("Idempotent-Replayed",
				new Header().description("`true` on the stored answer to a repeated request with the same Idempotency-Key")
					.schema(new StringSchema()._enum(List.of("true"))));
		if (location) {
			ok.addHeaderObject("Location",
					new Header().description("`/api/events/{id}`, where the event's deliveries can be read").schema(new StringSchema()));
		}
		ApiResponse unavailable = problem(ProblemType.BROKER_UNAVAILABLE).addHeaderObject("Retry-After",
				new Header().description("Seconds to wait before a retry").schema(new IntegerSchema()));
		return new ApiResponses().addApiResponse("202", ok)
			.addApiResponse("400", problem(ProblemType.INVALID_REQUEST, ProblemType.MALFORMED_JSON))
			.addApiResponse("409", problem(ProblemType.IDEMPOTENCY_KEY_IN_USE))
			.addApiResponse("413", problem(ProblemType.BODY_TOO_LARGE, ProblemType.EVENT_TOO_LARGE))
			.addApiResponse("415", problem(ProblemType.UNSUPPORTED_MEDIA_TYPE))
			.addApiResponse("422", problem(ProblemType.IDEMPOTENCY_KEY_REUSED))
			.addApiResponse("500", problem(ProblemType.INTERNAL_ERROR))
			.addApiResponse("503", unavailable);
	}

	private static void describeIdempotencyKey(Operation operation) {
		for (Parameter parameter : operation.getParameters()) {
			if (IdempotencyKeyFormat.HEADER.equals(parameter.getName())) {
				parameter.description("Makes a retry safe: the same request again gets the stored answer; a different"
						+ " request with the same key gets 422, one while the first is in flight 409")
					.schema(new StringSchema().minLength(1)
						.maxLength(IdempotencyKeyFormat.MAX_LENGTH)
						.pattern(IdempotencyKeyFormat.PATTERN));
			}
		}
	}

	private static Schema<?> problemSchema() {
		StringSchema type = new StringSchema();
		type.format("uri").description("The kind of error; stable, for clients to branch on");
		Arrays.stream(ProblemType.values()).forEach((value) -> type.addEnumItem(value.type().toString()));
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", type)
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("What went wrong, in words a client can act on"))
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors", new ArraySchema().items(ref("FieldProblem")).description("400: every invalid field"))
			.addProperty("events", new ArraySchema().items(ref("EventOutcome"))
				.description("503: every event of the request by index: acknowledged, failed or unknown"))
			.addProperty("acknowledged", new ArraySchema().items(ref("PublishedEvent"))
				.description("503: the events the broker acknowledged"))
			.addProperty("index", new IntegerSchema().description("413 event-too-large: the event that is too large"))
			.addProperty("id", new StringSchema().description("404: the id asked for"));
	}

	private static RequestBody body(Schema<?> schema, String example) {
		return new RequestBody().required(true)
			.content(new Content().addMediaType(JSON, new MediaType().schema(schema).example(example)));
	}

	private static ApiResponse json(String description, Schema<?> schema) {
		return new ApiResponse().description(description).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
	}

	private static ApiResponse problem(ProblemType... types) {
		StringBuilder description = new StringBuilder();
		MediaType media = new MediaType().schema(ref("Problem"));
		for (ProblemType type : types) {
			description.append(description.isEmpty() ? "" : "; ").append(type.title()).append(" (`").append(type.type()).append("`)");
			media.addExamples(type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					new io.swagger.v3.oas.models.examples.Example()
						.value(Map.of("type", type.type().toString(), "title", type.title(), "status", type.status().value())));
		}
		return new ApiResponse().description(description.toString())
			.content(new Content().addMediaType(PROBLEM_JSON, media));
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

}
