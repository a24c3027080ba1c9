package dev.referrals.api;

import dev.referrals.api.support.ApiTestContext;
import dev.referrals.localstack.contract.ManagementEndpointsContract;
import java.util.List;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API's actuator, as every service's: see {@link ManagementEndpointsContract}. */
@ApiTestContext
class ReferralApiApplicationHealthIT extends ManagementEndpointsContract {

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
