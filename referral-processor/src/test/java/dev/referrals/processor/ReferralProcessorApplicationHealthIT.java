package dev.referrals.processor;

import dev.referrals.localstack.contract.ManagementEndpointsContract;
import java.util.List;

/** The processor's actuator, as every service's: see {@link ManagementEndpointsContract}. */
@ProcessorIntegrationTest
class ReferralProcessorApplicationHealthIT extends ManagementEndpointsContract {

    @Override
    protected List<String> readinessComponents() {
        return List.of("kafka", "schemaRegistry", "db");
    }
}
