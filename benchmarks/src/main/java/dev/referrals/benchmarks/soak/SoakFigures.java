package dev.referrals.benchmarks.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns what a soak gathered into its report: the load, each fault's effect, the poison records and the checks. */
final class SoakFigures {

    private static final double MILLIS_PER_SECOND = 1_000.0;
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;

    private final SoakSettings settings;
    private final Map<Long, SoakCaller.Call> calls;
    private final Map<String, Long> retries;
    private final Instant loadStartedAt;
    private final List<Fault> faults;
    private final Map<MailAudit.Email, Instant> emailArrivals;
    private final SoakEvidence evidence;

    SoakFigures(SoakSettings settings, Map<Long, SoakCaller.Call> calls, Map<String, Long> retries,
                Instant loadStartedAt, List<Fault> faults, Map<MailAudit.Email, Instant> emailArrivals,
                SoakEvidence evidence) {
        this.settings = settings;
        this.calls = calls;
        this.retries = retries;
        this.loadStartedAt = loadStartedAt;
        this.faults = faults;
        this.emailArrivals = emailArrivals;
        this.evidence = evidence;
    }

    SoakReport report(String startedAt, double seconds) {
        List<SoakChecks.Check> checks = SoakChecks.of(evidence);
        return new SoakReport(settings.preset(), startedAt, seconds, settings, load(),
                faults.stream().map(this::impact).toList(),
                countBy(evidence.poison(), record -> record.kind().name()),
                countBy(evidence.poison(), record -> record.topic().name()), evidence.deadLetters().size(), checks,
                checks.stream().allMatch(SoakChecks.Check::passed));
    }

    private SoakReport.Load load() {
        List<SoakCaller.Call> accepted = calls.values().stream()
                .filter(call -> call.outcome == SoakCaller.Outcome.ACCEPTED).toList();
        List<Long> millis = accepted.stream().map(call -> call.timeToAnswer().toMillis()).sorted().toList();
        long decisions = evidence.outcomes().stream().map(TopicAudit.Outcome::requestId).distinct().count();
        long created = evidence.outcomes().stream().filter(TopicAudit.Outcome::created)
                .map(TopicAudit.Outcome::detail).distinct().count();
        return new SoakReport.Load(calls.size(), accepted.size(),
                calls.values().stream().filter(call -> call.attempts.get() > 1).count(), retries,
                new SoakReport.Percentiles(percentile(millis, P50), percentile(millis, P99),
                        millis.isEmpty() ? 0 : millis.get(millis.size() - 1)),
                decisions, created, evidence.emails().size());
    }

    private SoakReport.FaultImpact impact(Fault fault) {
        List<SoakCaller.Call> during = calls.values().stream()
                .filter(call -> !call.firstSentAt.isBefore(fault.startedAt())
                        && !call.firstSentAt.isAfter(fault.restoredAt()))
                .toList();
        double worst = during.stream().map(SoakCaller.Call::timeToAnswer).filter(java.util.Objects::nonNull)
                .mapToLong(Duration::toMillis).max().orElse(0) / MILLIS_PER_SECOND;
        return new SoakReport.FaultImpact(fault.kind().name(), fault.target(),
                seconds(Duration.between(loadStartedAt, fault.startedAt())), seconds(fault.duration()),
                during.size(), during.stream().filter(call -> call.attempts.get() > 1).count(), worst,
                after(fault.restoredAt(), evidence.outcomes().stream().map(TopicAudit.Outcome::at)),
                after(fault.restoredAt(), emailArrivals.values().stream()));
    }

    /** Seconds from {@code end} to the first moment after it; -1 if nothing came after. */
    private static double after(Instant end, java.util.stream.Stream<Instant> moments) {
        Optional<Instant> next = moments.filter(moment -> !moment.isBefore(end)).min(Comparator.naturalOrder());
        return next.map(moment -> seconds(Duration.between(end, moment))).orElse(-1.0);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / MILLIS_PER_SECOND;
    }

    private static double percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
    }

    private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        return new TreeMap<>(items.stream().collect(Collectors.groupingBy(key, Collectors.counting())));
    }
}
