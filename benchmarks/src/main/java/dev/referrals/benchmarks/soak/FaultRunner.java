package dev.referrals.benchmarks.soak;

import dev.referrals.benchmarks.Progress;
import dev.referrals.localrun.Service;
import dev.referrals.localstack.StackFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Carries out a {@link FaultPlan} while the load runs, its two lanes side by side, and records what happened. */
final class FaultRunner {

    private final SoakSettings settings;
    private final SoakServices services;
    private final StackFaults stack;
    private final Progress progress;
    private final List<Fault> done = Collections.synchronizedList(new ArrayList<>());

    FaultRunner(SoakSettings settings, SoakServices services, StackFaults stack, Progress progress) {
        this.settings = settings;
        this.services = services;
        this.stack = stack;
        this.progress = progress;
    }

    /** Runs the plan from {@code loadStartedAt}; returns when both lanes are done, with every fault in time order. */
    List<Fault> run(FaultPlan plan, Instant loadStartedAt) {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> lane(plan.processes(), loadStartedAt)),
                CompletableFuture.runAsync(() -> lane(plan.infrastructure(), loadStartedAt))).join();
        List<Fault> faults = new ArrayList<>(done);
        faults.sort(java.util.Comparator.comparing(Fault::startedAt));
        return faults;
    }

    private void lane(List<FaultPlan.Planned> planned, Instant loadStartedAt) {
        for (FaultPlan.Planned fault : planned) {
            pause(Duration.between(Instant.now(), loadStartedAt.plus(fault.at())));
            Fault happened = inflict(fault);
            done.add(happened);
            progress.line(String.format("soak: %s (%s) for %.1f s", fault.kind().description(), happened.target(),
                    happened.duration().toMillis() / 1_000.0));
        }
    }

    private Fault inflict(FaultPlan.Planned fault) {
        Instant started = Instant.now();
        String target = switch (fault.kind()) {
            case KILL_PROCESSOR -> kill(Service.REFERRAL_PROCESSOR, fault.target());
            case KILL_WORKER -> kill(Service.NOTIFICATION_WORKER, fault.target());
            case KILL_API -> kill(Service.REFERRAL_API, fault.target());
            case BROKER_RESTART -> {
                stack.stopKafkaBroker(fault.target());
                pause(settings.brokerDowntime());
                stack.startKafkaBroker(fault.target());
                yield "broker " + fault.target();
            }
            case SMTP_DOWN -> {
                stack.stopSmtp();
                pause(settings.smtpOutage());
                stack.startSmtp();
                yield "SMTP";
            }
            case REGISTRY_DOWN -> {
                stack.stopRegistry();
                pause(settings.registryOutage());
                stack.startRegistry();
                yield "schema registry";
            }
            case POSTGRES_RESTART -> {
                stack.restartPostgres();
                yield "PostgreSQL";
            }
        };
        return new Fault(fault.kind(), target, started, Instant.now());
    }

    private String kill(Service service, int index) {
        SoakServices.Instance instance = services.of(service).get(index - 1);
        services.killAndRestart(instance);
        return instance.toString();
    }

    /** The length of an outage, or the wait for a fault's planned moment: time is what is being spent here. */
    private static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the soak's faults", e);
        }
    }
}
