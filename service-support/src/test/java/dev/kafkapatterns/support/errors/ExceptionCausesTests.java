package dev.kafkapatterns.support.errors;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionCausesTests {

	@Test
	void findsACauseOfAGivenTypeAnywhereInTheChain() {
		IOException root = new IOException("disk full");
		Exception chain = new IllegalStateException("outer", new UncheckedIOException("middle", root));

		assertThat(ExceptionCauses.find(chain, IOException.class)).isSameAs(root);
		assertThat(ExceptionCauses.find(chain, IllegalStateException.class)).isSameAs(chain);
		assertThat(ExceptionCauses.isCausedBy(chain, UncheckedIOException.class)).isTrue();
		assertThat(ExceptionCauses.isCausedBy(chain, ArithmeticException.class)).isFalse();
	}

	@Test
	void theReasonIsTheMostSpecificCausesMessage() {
		assertThat(ExceptionCauses.reason(new RuntimeException("outer", new IllegalArgumentException("bad amount"))))
			.isEqualTo("bad amount");
		assertThat(ExceptionCauses.reason(new RuntimeException("only"))).isEqualTo("only");
	}

}
