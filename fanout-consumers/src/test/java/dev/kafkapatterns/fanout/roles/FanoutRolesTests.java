package dev.kafkapatterns.fanout.roles;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FanoutRolesTests {

	@Test
	void parsesOneRoleAListOrAll() {
		assertThat(FanoutRoles.parse("audit")).containsExactly(FanoutRole.AUDIT);
		assertThat(FanoutRoles.parse(" Monitoring , audit ")).containsExactlyInAnyOrder(FanoutRole.MONITORING,
				FanoutRole.AUDIT);
		assertThat(FanoutRoles.parse("all")).isEqualTo(EnumSet.allOf(FanoutRole.class));
	}

	@Test
	void unknownRoleIsRefusedWithTheValidOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> FanoutRoles.parse("audti"))
			.withMessageContaining("FANOUT_ROLE")
			.withMessageContaining("audit, notifications, monitoring")
			.withMessageContaining("'audti'");
		assertThatIllegalArgumentException().isThrownBy(() -> FanoutRoles.parse(" "));
	}

	@Test
	void eachRoleIsItsOwnService() {
		assertThat(FanoutRole.AUDIT.serviceName()).isEqualTo("fanout-audit");
		assertThat(FanoutRole.NOTIFICATIONS.identity().service()).isEqualTo("fanout-notifications");
		assertThat(FanoutRole.MONITORING.identity().role()).isEqualTo("monitoring");
	}

}
