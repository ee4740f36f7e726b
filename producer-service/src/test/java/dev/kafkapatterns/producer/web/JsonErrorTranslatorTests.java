package dev.kafkapatterns.producer.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.producer.problem.FieldProblem;
import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Jackson's real failures, read by a mapper as strict as the service's, and what a client is told
 * about them.
 */
class JsonErrorTranslatorTests {

	private static final JsonMapper STRICT = JsonMapper
		.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final JsonErrorTranslator translator = new JsonErrorTranslator();

	record Item(String type, String key, Map<String, Object> payload) {
	}

	@Test
	void unknownFieldIsNamed() {
		ProblemDetail problem = translate("{\"type\":\"a\",\"paylod\":{}}", Item.class);

		assertThat(problem.getType()).isEqualTo(ProblemType.INVALID_REQUEST.type());
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).isEqualTo("The request has a field the API does not know. Nothing was published.");
		assertThat(errors(problem)).containsExactly(
				new FieldProblem("paylod", "is not a known field; an event has only 'type', 'key' and 'payload'"));
	}

	@Test
	void wrongTypeNamesTheFieldAndWhatItMustBe() {
		ProblemDetail problem = translate("{\"type\":\"a\",\"payload\":\"x\"}", Item.class);

		assertThat(problem.getDetail()).isEqualTo("A field has the wrong type. Nothing was published.");
		assertThat(errors(problem)).containsExactly(new FieldProblem("payload", "must be a JSON object"));
	}

	@Test
	void wrongTypeInABatchNamesTheIndex() {
		ProblemDetail problem = translate("[{\"type\":\"a\"},{\"type\":\"b\",\"key\":[1]}]", new TypeReference<List<Item>>() {
		});

		assertThat(errors(problem)).containsExactly(new FieldProblem("[1].key", "must be a string"));
	}

	@Test
	void bodyOfTheWrongShapeSaysWhatItMustBe() {
		assertThat(translate("[{\"type\":\"a\"}]", Item.class).getDetail())
			.isEqualTo("The request body must be a JSON object. Nothing was published.");
		assertThat(translate("{\"type\":\"a\"}", new TypeReference<List<Item>>() {
		}).getDetail()).isEqualTo("The request body must be a JSON array. Nothing was published.");
	}

	@Test
	void malformedJsonSaysWhereWithoutJavaNames() {
		ProblemDetail problem = translate("{\"type\":'a'}", Item.class);

		assertThat(problem.getType()).isEqualTo(ProblemType.MALFORMED_JSON.type());
		assertThat(problem.getTitle()).isEqualTo("Malformed JSON");
		assertThat(problem.getDetail()).startsWith("The request body is not valid JSON: ")
			.contains("(line 1, column 9)")
			.endsWith(". Nothing was published.")
			.doesNotContain("`", "tools.jackson", "java.");
		assertThat(problem.getProperties()).isNull();
	}

	@Test
	void duplicateFieldIsMalformed() {
		assertThat(translate("{\"type\":\"a\",\"type\":\"b\"}", Item.class).getDetail()).contains("Duplicate Object property \"type\"");
	}

	@Test
	void parserLimitIsNamed() {
		ProblemDetail problem = translate("{\"type\":\"a\",\"payload\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100)
				+ "}", Item.class);

		assertThat(problem.getType()).isEqualTo(ProblemType.MALFORMED_JSON.type());
		assertThat(problem.getDetail()).startsWith("The JSON exceeds a parser limit: ").contains("nesting depth");
	}

	@Test
	void failureWrappedByTheMessageConverterIsFound() {
		JacksonException json = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue("{\"x\":1}", Item.class));

		ProblemDetail problem = this.translator
			.translate(new HttpMessageNotReadableException("JSON parse error", json, new MockHttpInputMessage(new byte[0])));

		assertThat(errors(problem)).extracting(FieldProblem::field).containsExactly("x");
	}

	@Test
	void failureWithoutJsonCauseIsAMissingBody() {
		ProblemDetail problem = this.translator.translate(new HttpMessageNotReadableException("Required request body is missing",
				new MockHttpInputMessage(new byte[0])));

		assertThat(problem.getType()).isEqualTo(ProblemType.INVALID_REQUEST.type());
		assertThat(problem.getDetail()).isEqualTo("The request body is missing or unreadable. Nothing was published.");
	}

	private ProblemDetail translate(String json, Class<?> type) {
		return this.translator.translate(catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, type)));
	}

	private ProblemDetail translate(String json, TypeReference<?> type) {
		return this.translator.translate(catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, type)));
	}

	@SuppressWarnings("unchecked")
	private static List<FieldProblem> errors(ProblemDetail problem) {
		return (List<FieldProblem>) problem.getProperties().get("errors");
	}

}
