package dev.referrals.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void theFullPlanHasEveryFaultTheIssueAsksForWithinTheLoad() {
        SoakSettings settings = SoakSettings.full();
        FaultPlan plan = FaultPlan.of(settings);

        List<FaultPlan.Planned> all = Stream.concat(plan.processes().stream(), plan.infrastructure().stream())
                .toList();
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.KILL_PROCESSOR).hasSize(5);
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.KILL_WORKER).hasSize(5);
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.KILL_API).hasSize(3);
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.BROKER_RESTART).hasSize(2)
                .extracting(FaultPlan.Planned::target).containsExactly(1, 2);
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.SMTP_DOWN).hasSize(1);
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.POSTGRES_RESTART).hasSize(1);
        assertThat(all).filteredOn(fault -> fault.kind() == Fault.Kind.REGISTRY_DOWN).hasSize(1);
        assertThat(all).allSatisfy(fault -> assertThat(fault.at()).isPositive()
                .isLessThan(settings.loadDuration()));
        assertThat(plan.processes()).filteredOn(fault -> fault.kind() == Fault.Kind.KILL_API)
                .extracting(FaultPlan.Planned::target).containsExactly(1, 2, 1);
    }

    @Test
    void theSmokePlanHasOneOfEachFault() {
        FaultPlan plan = FaultPlan.of(SoakSettings.smoke());

        assertThat(Stream.concat(plan.processes().stream(), plan.infrastructure().stream())
                .map(FaultPlan.Planned::kind)).containsExactlyInAnyOrder(Fault.Kind.values());
    }
}
