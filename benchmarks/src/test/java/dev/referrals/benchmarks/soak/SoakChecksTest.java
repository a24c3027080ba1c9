package dev.referrals.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of the soak fails on the evidence it is about, and only on that. */
class SoakChecksTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ACCOUNTS = "it1.marketplace.accounts";
    private static final String PROCESSOR_ACCOUNTS = "it1.referral-processor.accounts";
    private static final String WORKER_ACCOUNTS = "it1.notification-worker.accounts";

    @Test
    void aRunWhereNothingWentWrongPassesEveryCheck() {
        assertThat(SoakChecks.of(healthy().build())).allMatch(SoakChecks.Check::passed);
    }

    @Test
    void anAcceptedRequestWithoutADecisionIsALostRequest() {
        Evidence evidence = healthy();
        evidence.outcomes.removeIf(outcome -> outcome.requestId().equals("r2"));

        assertThat(failed(evidence)).containsExactly("every request answered 202 has a decision (lost requests)");
    }

    @Test
    void anAcceptedRequestThatWasNeverPublishedFails() {
        Evidence evidence = healthy();
        evidence.requested.remove("r1");

        assertThat(failed(evidence)).containsExactly(
                "every request answered 202 was published (ReferralRequested on the topic)");
    }

    @Test
    void twoDifferentDecisionsForOneRequestConflictButAnIdenticalRepublishDoesNot() {
        Evidence republished = healthy();
        republished.outcomes.add(created("r1", "ref-1", "job-1", "fl-0", "fl-10"));
        assertThat(failed(republished)).isEmpty();

        Evidence conflicting = healthy();
        conflicting.outcomes.add(new TopicAudit.Outcome("r1", false, "REFEREE_NOT_FOUND", "job-1", "fl-0", null, AT));
        assertThat(failed(conflicting)).containsExactly(
                "no request has two different decisions (conflicting decisions)");
    }

    @Test
    void twoReferralsOfOneRefereeOnOneJobBreakTheUniqueness() {
        Evidence evidence = healthy();
        evidence.accepted.add("r3");
        evidence.requested.add("r3");
        evidence.outcomes.add(created("r3", "ref-3", "job-1", "fl-2", "fl-10"));
        evidence.email("ref-3");

        assertThat(failed(evidence)).containsExactly("at most one referral per (job, referee)");
    }

    @Test
    void aMissingEmailIsLostAndDuplicatesAreBoundedByTheWorkerKills() {
        Evidence lost = healthy();
        lost.emails.remove(new MailAudit.Email("ref-1", SoakChecks.CLIENT));
        assertThat(failed(lost)).containsExactly(
                "every created referral's two recipients got their email (lost emails)");

        Evidence repeated = healthy();
        repeated.emails.put(new MailAudit.Email("ref-1", SoakChecks.REFEREE), 2);
        assertThat(failed(repeated)).isEmpty();
        repeated.emails.put(new MailAudit.Email("ref-1", SoakChecks.CLIENT), 2);
        assertThat(failed(repeated)).containsExactly("duplicate emails, at most one per worker kill");
    }

    @Test
    void aGoodRecordInADeadLetterTopicOrAPoisonRecordMissingFromOneGroupFails() {
        Evidence good = healthy();
        good.deadLetters.add(new TopicAudit.DeadLetter(ACCOUNTS + "-dlt", ACCOUNTS, 0, 3, PROCESSOR_ACCOUNTS,
                "database down"));
        assertThat(failed(good)).containsExactly("the dead-letter topics hold nothing but the poison records");

        Evidence missing = healthy();
        missing.deadLetters.removeIf(letter -> letter.group().equals(WORKER_ACCOUNTS));
        assertThat(failed(missing)).containsExactly(
                "every poison record is dead-lettered by every group that consumes its topic");

        Evidence reasonless = healthy();
        reasonless.deadLetters.replaceAll(letter -> new TopicAudit.DeadLetter(letter.topic(), letter.originalTopic(),
                letter.originalPartition(), letter.originalOffset(), letter.group(), null));
        assertThat(failed(reasonless)).containsExactly("every dead letter carries its reason");
    }

    @Test
    void aRefusedOrAbandonedRequestAndAGroupNotOkFail() {
        Evidence refused = healthy();
        refused.refused.add("key-9: 400 bad request");
        refused.gaveUp.add("key-8: last: refused");
        refused.lag.put("referral-api#1", Map.of("it1.referral-api.accounts", "STALL"));

        assertThat(failed(refused)).containsExactlyInAnyOrder("requests refused (a 4xx other than 429)",
                "requests given up on after retrying",
                "consumer lag back to zero: every group OK on every instance");
    }

    private static List<String> failed(Evidence evidence) {
        return SoakChecks.of(evidence.build()).stream().filter(check -> !check.passed())
                .map(SoakChecks.Check::name).toList();
    }

    /** Two requests, one created with both emails, one rejected; one poison record dead-lettered by both groups. */
    private static Evidence healthy() {
        Evidence evidence = new Evidence();
        evidence.accepted.addAll(List.of("r1", "r2"));
        evidence.requested.addAll(List.of("r1", "r2"));
        evidence.outcomes.add(created("r1", "ref-1", "job-1", "fl-0", "fl-10"));
        evidence.outcomes.add(new TopicAudit.Outcome("r2", false, "REFEREE_NOT_FOUND", "job-1", "fl-1", null, AT));
        evidence.email("ref-1");
        evidence.poison.add(new PoisonRecords.Poison(PoisonRecords.Kind.BAD_MAGIC_BYTE, Topics.ACCOUNTS, ACCOUNTS, 0,
                7));
        for (String group : List.of(PROCESSOR_ACCOUNTS, WORKER_ACCOUNTS)) {
            evidence.deadLetters.add(new TopicAudit.DeadLetter(ACCOUNTS + "-dlt", ACCOUNTS, 0, 7, group,
                    "unknown magic byte"));
        }
        evidence.groups.put(ACCOUNTS, Set.of(PROCESSOR_ACCOUNTS, WORKER_ACCOUNTS));
        evidence.lag.put("referral-processor#1", Map.of(PROCESSOR_ACCOUNTS, "OK"));
        return evidence;
    }

    private static TopicAudit.Outcome created(String request, String referral, String job, String referrer,
                                              String referee) {
        return new TopicAudit.Outcome(request, true, referral, job, referrer, referee, AT);
    }

    /** Mutable evidence, one worker kill and one kill in all. */
    private static final class Evidence {
        final Set<String> accepted = new java.util.HashSet<>();
        final List<String> refused = new ArrayList<>();
        final List<String> gaveUp = new ArrayList<>();
        final Set<String> requested = new java.util.HashSet<>();
        final List<TopicAudit.Outcome> outcomes = new ArrayList<>();
        final Map<MailAudit.Email, Integer> emails = new HashMap<>();
        final List<TopicAudit.DeadLetter> deadLetters = new ArrayList<>();
        final List<PoisonRecords.Poison> poison = new ArrayList<>();
        final Map<String, Set<String>> groups = new HashMap<>();
        final Map<String, Map<String, String>> lag = new HashMap<>();

        void email(String referral) {
            emails.put(new MailAudit.Email(referral, SoakChecks.REFEREE), 1);
            emails.put(new MailAudit.Email(referral, SoakChecks.CLIENT), 1);
        }

        SoakEvidence build() {
            return new SoakEvidence(accepted, refused, gaveUp, requested, outcomes, List.of(), emails, deadLetters,
                    poison, groups, lag, 1, 1);
        }
    }
}
