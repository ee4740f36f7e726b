package dev.kafkapatterns.localstack;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void aFreshPortIsNeverTheBrokersTheControllersOrOneHandedOutBefore() {
		// The operating system offers the broker's and the controller's ports again: nothing
		// listens on them until the broker has started.
		Iterator<Integer> offered = List.of(9092, 9093, 40001, 40001, 8080, 40002).iterator();
		Ports ports = new Ports(offered::next, 8080, 9092, 9093);

		assertThat(ports.fresh()).isEqualTo(40001);
		assertThat(ports.fresh()).isEqualTo(40002);
	}

	@Test
	void aFreshPortIsFree() {
		int port = new Ports(8080).fresh();

		assertThat(port).isNotEqualTo(8080);
		assertThat(Ports.isFree(port)).isTrue();
	}

}
