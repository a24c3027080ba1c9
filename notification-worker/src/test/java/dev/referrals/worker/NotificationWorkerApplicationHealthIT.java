package dev.referrals.worker;

import dev.referrals.localstack.contract.ManagementEndpointsContract;
import dev.referrals.localstack.spring.LocalStackContext;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;

/** The worker's actuator, as every service's: see {@link ManagementEndpointsContract}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackContext
class NotificationWorkerApplicationHealthIT extends ManagementEndpointsContract {

    @Override
    protected List<String> readinessComponents() {
        return List.of("kafka", "schemaRegistry", "db", "mail");
    }
}
