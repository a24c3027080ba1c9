package dev.referrals.worker;

import dev.referrals.localstack.contract.ManagementEndpointsContract;
import dev.referrals.localstack.spring.LocalStackContext;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The worker's actuator, as every service's: see {@link ManagementEndpointsContract}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackContext
class NotificationWorkerApplicationHealthIT extends ManagementEndpointsContract {

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Override
    protected int managementPort() {
        return managementPort;
    }

    @Override
    protected int serverPort() {
        return port;
    }

    @Override
    protected List<String> readinessComponents() {
        return List.of("kafka", "schemaRegistry", "db", "mail");
    }
}
