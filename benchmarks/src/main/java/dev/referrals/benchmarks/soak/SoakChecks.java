package dev.referrals.benchmarks.soak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The soak's verdict, from what the topics and the mail sink hold (never from a service's own tables). Each check
 * names what it counts, what it expects and a few examples of what broke it.
 */
final class SoakChecks {

    static final String REFEREE = "referee";
    static final String CLIENT = "client";
    private static final String OK = "OK";
    private static final int EXAMPLES = 5;

    /**
     * One check.
     *
     * @param name     what must hold
     * @param actual   what was counted
     * @param bound    the most {@code actual} may be
     * @param examples a few of what was counted, to start the investigation with
     */
    record Check(String name, long actual, long bound, List<String> examples) {
        boolean passed() {
            return actual <= bound;
        }
    }

    private SoakChecks() {
    }

    static List<Check> of(SoakEvidence evidence) {
        List<Check> checks = new ArrayList<>();
        Map<String, Set<String>> decisions = new HashMap<>();
        Map<String, TopicAudit.Outcome> created = new HashMap<>();
        for (TopicAudit.Outcome outcome : evidence.outcomes()) {
            decisions.computeIfAbsent(outcome.requestId(), id -> new HashSet<>())
                    .add((outcome.created() ? "created " : "rejected ") + outcome.detail());
            if (outcome.created()) {
                created.putIfAbsent(outcome.detail(), outcome);
            }
        }
        checks.add(zero("every request answered 202 was published (ReferralRequested on the topic)",
                evidence.accepted().stream().filter(id -> !evidence.requested().contains(id)).toList()));
        checks.add(zero("every request answered 202 has a decision (lost requests)",
                evidence.accepted().stream().filter(id -> !decisions.containsKey(id)).toList()));
        checks.add(zero("no request has two different decisions (conflicting decisions)",
                decisions.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                        .map(entry -> entry.getKey() + ": " + entry.getValue()).toList()));
        checks.add(zero("at most one referral per (job, referrer)",
                duplicates(created.values(), outcome -> outcome.jobId() + "/" + outcome.referrerId())));
        checks.add(zero("at most one referral per (job, referee)",
                duplicates(created.values(), outcome -> outcome.jobId() + "/" + outcome.refereeId())));
        List<String> lostEmails = new ArrayList<>();
        for (String referral : created.keySet()) {
            for (String role : List.of(REFEREE, CLIENT)) {
                if (!evidence.emails().containsKey(new MailAudit.Email(referral, role))) {
                    lostEmails.add(referral + " to its " + role);
                }
            }
        }
        checks.add(zero("every created referral's two recipients got their email (lost emails)", lostEmails));
        List<String> repeated = new ArrayList<>();
        long copies = 0;
        for (Map.Entry<MailAudit.Email, Integer> email : evidence.emails().entrySet()) {
            if (email.getValue() > 1) {
                copies += email.getValue() - 1;
                repeated.add(email.getKey() + " x" + email.getValue());
            }
        }
        checks.add(new Check("duplicate emails, at most one per worker kill", copies, evidence.workerKills(),
                first(repeated)));
        checks.add(zero("emails of no created referral",
                evidence.emails().keySet().stream().filter(email -> !created.containsKey(email.referralId()))
                        .map(Object::toString).toList()));
        checks.addAll(deadLetterChecks(evidence));
        checks.add(zero("requests refused (a 4xx other than 429)", evidence.refused()));
        checks.add(zero("requests given up on after retrying", evidence.gaveUp()));
        List<String> lagging = new ArrayList<>();
        evidence.lag().forEach((instance, groups) -> groups.forEach((group, status) -> {
            if (!OK.equals(status)) {
                lagging.add(instance + " " + group + " " + status);
            }
        }));
        if (evidence.lag().isEmpty()) {
            lagging.add("no instance reported its consumer lag");
        }
        checks.add(zero("consumer lag back to zero: every group OK on every instance", lagging));
        return checks;
    }

    private static List<Check> deadLetterChecks(SoakEvidence evidence) {
        Set<String> poison = evidence.poison().stream()
                .map(record -> record.name() + "/" + record.partition() + "@" + record.offset())
                .collect(Collectors.toSet());
        List<String> unexpected = new ArrayList<>();
        List<String> withoutReason = new ArrayList<>();
        Map<String, Integer> copies = new HashMap<>();
        for (TopicAudit.DeadLetter letter : evidence.deadLetters()) {
            String origin = letter.originalTopic() + "/" + letter.originalPartition() + "@" + letter.originalOffset();
            if (!poison.contains(origin)) {
                unexpected.add(origin + " by " + letter.group() + ": " + letter.reason());
            }
            if (letter.reason() == null || letter.reason().isBlank()) {
                withoutReason.add(origin + " by " + letter.group());
            }
            copies.merge(origin + " by " + letter.group(), 1, Integer::sum);
        }
        List<String> missing = new ArrayList<>();
        for (PoisonRecords.Poison record : evidence.poison()) {
            String origin = record.name() + "/" + record.partition() + "@" + record.offset();
            Set<String> groups = evidence.consumingGroups().getOrDefault(record.name(), Set.of());
            if (groups.isEmpty()) {
                missing.add(origin + " (" + record.kind() + "): no group consumes " + record.name());
            }
            for (String group : groups) {
                if (!copies.containsKey(origin + " by " + group)) {
                    missing.add(origin + " (" + record.kind() + ") by " + group);
                }
            }
        }
        List<String> repeated = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey() + " x" + entry.getValue()).toList();
        long extraCopies = copies.values().stream().mapToLong(count -> count - 1).sum();
        List<String> unreadable = evidence.unreadable().stream().filter(record -> !poison.contains(record)).toList();
        return List.of(
                zero("the dead-letter topics hold nothing but the poison records", unexpected),
                zero("every poison record is dead-lettered by every group that consumes its topic", missing),
                zero("every dead letter carries its reason", withoutReason),
                new Check("repeated dead letters of one record and group, at most one per kill", extraCopies,
                        evidence.kills(), first(repeated)),
                zero("unreadable records on the decision topics that are not poison records", unreadable));
    }

    private static <T> List<String> duplicates(java.util.Collection<T> items, Function<T, String> key) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey() + " x" + entry.getValue()).toList();
    }

    private static Check zero(String name, List<String> found) {
        return new Check(name, found.size(), 0, first(found));
    }

    private static List<String> first(List<String> found) {
        return found.stream().sorted().limit(EXAMPLES).toList();
    }
}
