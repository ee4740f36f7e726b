package dev.kafkapatterns.producer.publish;

import java.util.List;

import dev.kafkapatterns.producer.problem.FieldProblem;
import dev.kafkapatterns.producer.problem.ProblemType;

import org.springframework.web.ErrorResponseException;

/**
 * The request is well-formed JSON but breaks the contract; answered with 400
 * ({@link ProblemType#INVALID_REQUEST}) and the list of invalid fields.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final transient List<FieldProblem> problems;

	InvalidRequestException(String message, List<FieldProblem> problems) {
		super(ProblemType.INVALID_REQUEST.status(), ProblemType.INVALID_REQUEST.problem(message + " Nothing was published."),
				null);
		this.problems = List.copyOf(problems);
		getBody().setProperty("errors", this.problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
