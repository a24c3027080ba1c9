package dev.referrals.platform.lag;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN while any watched group is STALL, STOP or ERR; the details give every group's status and reason. */
public class ConsumerLagHealthIndicator implements HealthIndicator {

    private static final Set<GroupStatus> UNHEALTHY = EnumSet.of(GroupStatus.STALL, GroupStatus.STOP, GroupStatus.ERR);

    private final ConsumerLagMonitor monitor;

    public ConsumerLagHealthIndicator(ConsumerLagMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        Map<String, String> details = new TreeMap<>();
        boolean healthy = true;
        for (LagEvaluation evaluation : monitor.evaluations().values()) {
            details.put(evaluation.group(), evaluation.status() + ": " + evaluation.reason());
            healthy &= !UNHEALTHY.contains(evaluation.status());
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
