package dev.referrals.api;

import dev.referrals.api.support.ApiTestContext;
import dev.referrals.localstack.contract.ManagementEndpointsContract;
import java.util.List;

/** The API's actuator, as every service's: see {@link ManagementEndpointsContract}. */
@ApiTestContext
class ReferralApiApplicationHealthIT extends ManagementEndpointsContract {

    @Override
    protected List<String> readinessComponents() {
        return List.of("kafka", "schemaRegistry", "db");
    }
}
