package dev.kafkapatterns.dashboard.groups;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.kafkapatterns.dashboard.DashboardProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@link Admin} client behind the groups panel, built from Boot's {@code spring.kafka.*}
 * settings and bounded by {@code dashboard.groups.admin-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class GroupsConfiguration {

	@Bean(destroyMethod = "close")
	GroupsInspector groupsInspector(KafkaAdmin kafkaAdmin, DashboardProperties properties,
			@Value("${app.instance-id}") String instance) {
		int timeoutMs = (int) properties.groups().adminTimeout().toMillis();
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "dashboard-" + instance + "-groups");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
		return new GroupsInspector(Admin.create(config), properties.groups().adminTimeout());
	}

}
