package dev.referrals.processor;

import dev.referrals.localstack.contract.ManagementEndpointsContract;
import java.util.List;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The processor's actuator, as every service's: see {@link ManagementEndpointsContract}. */
@ProcessorIntegrationTest
class ReferralProcessorApplicationHealthIT extends ManagementEndpointsContract {

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
        return List.of("kafka", "schemaRegistry", "db");
    }
}
