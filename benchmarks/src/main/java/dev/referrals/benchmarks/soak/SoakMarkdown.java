package dev.referrals.benchmarks.soak;

import java.util.Map;
import java.util.stream.Collectors;

/** The soak report for people: the verdict first, then the faults with what each did, then the load. */
final class SoakMarkdown {

    String render(SoakReport report) {
        SoakSettings settings = report.settings();
        StringBuilder md = new StringBuilder();
        md.append("# Fault soak (").append(report.preset()).append(")\n\n");
        md.append("Run ").append(report.startedAt()).append(", ").append(String.format("%.0f", report.seconds()))
                .append(" s in all. ").append(report.passed() ? "**Every check passed.**" : "**Checks FAILED.**")
                .append("\n\n");
        md.append(String.format("%,d declines offered at %d/s (%d s), each with its own Idempotency-Key and retried "
                        + "with it on a refused connection, a timeout, a 5xx or a 429; %d instances of each service "
                        + "on a cluster of %d brokers; %d poison records. Checked from the topics and the SMTP sink, "
                        + "never from the services' tables.%n%n", settings.requests(), settings.rate(),
                settings.loadDuration().toSeconds(), settings.instances(), SoakRun.BROKERS, settings.poisonRecords()));

        md.append("## Checks\n\n| check | counted | at most | | examples |\n|---|---:|---:|---|---|\n");
        for (SoakChecks.Check check : report.checks()) {
            md.append("| ").append(check.name()).append(" | ").append(check.actual()).append(" | ")
                    .append(check.bound()).append(" | ").append(check.passed() ? "pass" : "**FAIL**").append(" | ")
                    .append(check.examples().stream().map(example -> "`" + example.replace("|", "\\|") + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }

        md.append("\n## Faults\n\n");
        md.append("`down` is from the fault to what was faulted being back (a killed instance: ready again). "
                + "`requests` were first sent meanwhile, `retried` of them needed another try, and `worst 202` is the "
                + "longest any of them waited for its answer. `next decision` and `next email` are from the end of "
                + "the fault to the next decision on the topics and the next email at the SMTP sink (to 2 s; -1: "
                + "none came after).\n\n");
        md.append("| at (s) | fault | target | down (s) | requests | retried | worst 202 (s) | next decision (s) "
                + "| next email (s) |\n|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (SoakReport.FaultImpact fault : report.faults()) {
            md.append(String.format("| %.0f | %s | %s | %.1f | %d | %d | %.1f | %.1f | %.1f |%n", fault.atSeconds(),
                    fault.kind(), fault.target(), fault.seconds(), fault.requestsDuring(), fault.retriedDuring(),
                    fault.worstTimeTo202Seconds(), fault.decisionsAfterSeconds(), fault.emailsAfterSeconds()));
        }

        SoakReport.Load load = report.load();
        md.append("\n## Load\n\n| figure | value |\n|---|---:|\n");
        md.append(row("declines sent", load.sent()));
        md.append(row("answered 202", load.accepted()));
        md.append(row("needed more than one try", load.retried()));
        load.retriesByCause().forEach((cause, count) -> md.append(row("retries after " + cause, count)));
        md.append(String.format("| first try to 202, p50 / p99 / max (ms) | %.0f / %.0f / %.0f |%n",
                load.timeTo202().p50(), load.timeTo202().p99(), load.timeTo202().max()));
        md.append(row("requests decided (distinct)", load.decisions()));
        md.append(row("referrals created (distinct)", load.created()));
        md.append(row("emails received (distinct)", load.emails()));

        md.append("\n## Poison records\n\n");
        md.append("Sent while the load ran, interleaved with good records; each must be in its topic's DLT once per "
                + "consuming group, with its reason. ").append(report.deadLetters())
                .append(" dead letters found.\n\n");
        md.append(table("kind", report.poisonByKind()));
        md.append("\n");
        md.append(table("topic", report.poisonByTopic()));
        return md.toString();
    }

    private static String row(String name, long value) {
        return String.format("| %s | %,d |%n", name, value);
    }

    private static String table(String key, Map<String, Long> counts) {
        StringBuilder md = new StringBuilder("| " + key + " | records |\n|---|---:|\n");
        counts.forEach((name, count) -> md.append(row(name, count)));
        return md.toString();
    }
}
