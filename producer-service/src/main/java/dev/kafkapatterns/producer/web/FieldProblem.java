package dev.kafkapatterns.producer.web;

/**
 * One invalid field of a request, as listed in a 400 answer.
 *
 * @param field the field, for example {@code type}, {@code payload.amount} or, in a batch,
 * {@code [3].type}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
