package dev.referrals.benchmarks.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When each fault of a soak happens, in two lanes that run side by side: the process kills, and the outages of the
 * infrastructure (brokers, SMTP, PostgreSQL, registry). Within a lane faults come one at a time, spread from a tenth
 * to four fifths of the load, so the load runs before, during and after each of them.
 */
record FaultPlan(List<Planned> processes, List<Planned> infrastructure) {

    private static final double FIRST = 0.1;
    private static final double SPREAD = 0.7;

    /**
     * @param at     since the load started
     * @param kind   the fault
     * @param target which instance (1-based) or broker node id; 0 where there is only one
     */
    record Planned(Duration at, Fault.Kind kind, int target) {
    }

    static FaultPlan of(SoakSettings settings) {
        List<Fault.Kind> kills = new ArrayList<>();
        for (int round = 0; kills.size() < settings.kills().total(); round++) {
            if (round < settings.kills().processor()) {
                kills.add(Fault.Kind.KILL_PROCESSOR);
            }
            if (round < settings.kills().worker()) {
                kills.add(Fault.Kind.KILL_WORKER);
            }
            if (round < settings.kills().api()) {
                kills.add(Fault.Kind.KILL_API);
            }
        }
        List<Fault.Kind> outages = new ArrayList<>();
        for (int restart = 0; restart < settings.brokerRestarts(); restart++) {
            outages.add(Fault.Kind.BROKER_RESTART);
        }
        // The outages between the broker restarts, so a broker comes back before the next one goes.
        outages.add(Math.min(1, outages.size()), Fault.Kind.REGISTRY_DOWN);
        outages.add(Math.min(2, outages.size()), Fault.Kind.SMTP_DOWN);
        for (int restart = 0; restart < settings.postgresRestarts(); restart++) {
            outages.add(Fault.Kind.POSTGRES_RESTART);
        }
        return new FaultPlan(spread(kills, settings), spread(outages, settings));
    }

    private static List<Planned> spread(List<Fault.Kind> kinds, SoakSettings settings) {
        List<Planned> planned = new ArrayList<>();
        int[] seen = new int[Fault.Kind.values().length];
        for (int i = 0; i < kinds.size(); i++) {
            Fault.Kind kind = kinds.get(i);
            int occurrence = seen[kind.ordinal()]++;
            int target = switch (kind) {
                case KILL_PROCESSOR, KILL_WORKER, KILL_API -> occurrence % settings.instances() + 1;
                case BROKER_RESTART -> occurrence % SoakRun.BROKERS + 1;
                default -> 0;
            };
            double share = FIRST + SPREAD * i / Math.max(1, kinds.size());
            planned.add(new Planned(Duration.ofMillis((long) (settings.loadDuration().toMillis() * share)), kind,
                    target));
        }
        return planned;
    }

    int size() {
        return processes.size() + infrastructure.size();
    }
}
