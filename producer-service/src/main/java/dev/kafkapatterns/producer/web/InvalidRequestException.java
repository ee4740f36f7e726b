package dev.kafkapatterns.producer.web;

import java.util.List;

/**
 * The request is well-formed JSON but breaks the contract; answered with 400 and the list of
 * invalid fields.
 */
public class InvalidRequestException extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public InvalidRequestException(String message, List<FieldProblem> problems) {
		super(message, null, false, false);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
