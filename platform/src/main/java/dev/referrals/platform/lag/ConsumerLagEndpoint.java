package dev.referrals.platform.lag;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code GET /actuator/consumerlag}: each consumer group's status, reason, and lag per partition. */
@Endpoint(id = "consumerlag")
public class ConsumerLagEndpoint {

    private final ConsumerLagMonitor monitor;

    public ConsumerLagEndpoint(ConsumerLagMonitor monitor) {
        this.monitor = monitor;
    }

    @ReadOperation
    public Map<String, Object> groups() {
        List<Map<String, Object>> groups = monitor.evaluations().values().stream()
                .sorted(Comparator.comparing(LagEvaluation::group))
                .map(ConsumerLagEndpoint::describe)
                .toList();
        return Map.of("groups", groups);
    }

    private static Map<String, Object> describe(LagEvaluation evaluation) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("group", evaluation.group());
        group.put("status", evaluation.status());
        group.put("reason", evaluation.reason());
        group.put("lagRecords", evaluation.latest().totalRecords());
        group.put("lagSeconds", evaluation.latest().maxSeconds());
        group.put("hasMembers", evaluation.latest().hasMembers());
        group.put("sampledAt", evaluation.latest().at());
        group.put("partitions", evaluation.latest().partitions());
        return group;
    }
}
