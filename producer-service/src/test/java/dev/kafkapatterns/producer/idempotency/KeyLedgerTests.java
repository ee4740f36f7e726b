package dev.kafkapatterns.producer.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kafkapatterns.producer.idempotency.KeyRecord.Acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every instance applies to the key topic, in log order, so that they agree on which
 * request holds a key.
 */
class KeyLedgerTests {

	private static final Instant NOW = Instant.now();

	private final KeyLedger ledger = new KeyLedger(new IdempotencyProperties(Duration.ofHours(24), 10_000,
			Duration.ofSeconds(30)));

	@Test
	void firstClaimInTheLogWins() {
		this.ledger.apply("k", claim("a", "fp", NOW, "id-1"));
		this.ledger.apply("k", claim("b", "fp", NOW.plusMillis(1), "id-2"));

		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("a");
	}

	@Test
	void completionOfTheLosingClaimIsIgnored() {
		this.ledger.apply("k", claim("a", "fp", NOW, "id-1"));
		this.ledger.apply("k", claim("b", "fp", NOW, "id-2").completed("b", List.of(ack()), NOW));

		assertThat(this.ledger.find("k", NOW).inFlight()).isTrue();
		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("a");
	}

	@Test
	void partialAnswerIsContinuedOnlyUnderTheSameIds() {
		KeyRecord partial = claim("a", "fp", NOW, "id-1").completed("a", Arrays.asList((Acknowledgement) null), NOW);
		this.ledger.apply("k", partial);

		this.ledger.apply("k", claim("b", "fp", NOW.plusSeconds(1), "other-id"));
		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("a");

		this.ledger.apply("k", claim("c", "fp", NOW.plusSeconds(1), "id-1"));
		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("c");
	}

	@Test
	void abandonedClaimIsTakenOverAfterTheInFlightTimeout() {
		this.ledger.apply("k", claim("a", "fp", NOW, "id-1"));

		this.ledger.apply("k", claim("b", "fp", NOW.plusSeconds(10), "id-1"));
		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("a");

		this.ledger.apply("k", claim("c", "fp", NOW.plusSeconds(31), "id-1"));
		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("c");
	}

	@Test
	void completeAnswerIsKeptUntilItsTtlThenForgotten() {
		this.ledger.apply("k", claim("a", "fp", NOW, "id-1").completed("a", List.of(ack()), NOW));

		this.ledger.apply("k", claim("b", "other", NOW.plusSeconds(60), "id-2"));
		assertThat(this.ledger.find("k", NOW).claim()).isEqualTo("a");
		assertThat(this.ledger.find("k", NOW.plus(Duration.ofHours(25)))).isNull();

		this.ledger.apply("k", claim("c", "other", NOW.plus(Duration.ofHours(25)), "id-3"));
		assertThat(this.ledger.find("k", NOW.plus(Duration.ofHours(25))).claim()).isEqualTo("c");
	}

	private static KeyRecord claim(String claim, String fingerprint, Instant at, String id) {
		return new KeyRecord(claim, fingerprint, at, List.of(id), Arrays.asList((Acknowledgement) null), true);
	}

	private static Acknowledgement ack() {
		return new Acknowledgement("events", 0, 1, NOW);
	}

}
