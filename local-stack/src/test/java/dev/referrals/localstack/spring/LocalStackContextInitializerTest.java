package dev.referrals.localstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

@LocalStackTest
class LocalStackContextInitializerTest {

    @Test
    void pointsTheContextAtTheSharedStackWithItsOwnNamespaceAndDatabase(LocalStack stack) throws Exception {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new LocalStackContextInitializer().initialize(context);
            context.refresh();
            Environment environment = context.getEnvironment();

            assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(stack.kafkaBootstrapServers());
            assertThat(environment.getProperty("spring.mail.host")).isEqualTo(stack.mail().host());
            assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(stack.mail().smtpPort());
            assertThat(environment.getProperty("spring.kafka.properties.schema.registry.url"))
                    .isEqualTo(stack.schemaRegistryUrl().orElse(null));

            String prefix = environment.getProperty("referrals.kafka.topic-prefix");
            assertThat(prefix).isNotBlank();
            try (Admin admin = Admin.create(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains(prefix + Topics.REFERRAL_CREATED.name());
            }
            try (Connection connection = DriverManager.getConnection(
                    environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"))) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void closingAContextLeavesTheSharedStackRunningForOtherTests(LocalStack stack) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new LocalStackContextInitializer().initialize(context);
            context.refresh();
        }

        assertThat(stack.newDatabase()).isNotNull();
    }
}
