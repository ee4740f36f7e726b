package dev.kafkapatterns.producer.problem;

/**
 * One invalid field of a request, as listed in a 400 answer.
 *
 * @param field the field, for example {@code type}, {@code payload.amount}, in a batch
 * {@code [3].type}, or a header such as {@code Idempotency-Key}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
