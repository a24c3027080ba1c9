package dev.referrals.processor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.OnJob;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules table of DESIGN.md, one row per rule: the situation, and the decision it leads to. */
class EligibilityRulesTest {

    private static final String REFERRER = "freelancer-ana";
    private static final String REFEREE = "freelancer-ben";

    /** An open public job, an active freelancer as referee, nobody else on the job yet: eligible. */
    private static final ReferralSnapshot ELIGIBLE = new ReferralSnapshot(
            REFERRER,
            Optional.of(new Job("job-1", JobVisibility.PUBLIC, JobStatus.OPEN)),
            Optional.of(new Referee(REFEREE, AccountKind.FREELANCER, AccountStatus.ACTIVE)),
            OnJob.NOTHING_YET);

    static Stream<Arguments> rulesTable() {
        return Stream.of(
                row("R2/R3 no account matches the URL or email",
                        s -> withReferee(s, Optional.empty()), RejectionReason.REFEREE_NOT_FOUND),
                row("R3 the account is a client, not a freelancer",
                        s -> withReferee(s, Optional.of(new Referee(REFEREE, AccountKind.CLIENT, AccountStatus.ACTIVE))),
                        RejectionReason.REFEREE_NOT_FOUND),
                row("R3 the freelancer's account is closed",
                        s -> withReferee(s, Optional.of(
                                new Referee(REFEREE, AccountKind.FREELANCER, AccountStatus.CLOSED))),
                        RejectionReason.REFEREE_NOT_FOUND),
                row("a freelancer refers themselves",
                        s -> withReferee(s, Optional.of(
                                new Referee(REFERRER, AccountKind.FREELANCER, AccountStatus.ACTIVE))),
                        RejectionReason.SELF_REFERRAL),
                row("R4 the referrer already referred someone for this job",
                        s -> withOnJob(s, new OnJob(true, false, false, false)),
                        RejectionReason.REFERRER_ALREADY_REFERRED),
                row("R5 the referee already submitted a proposal",
                        s -> withOnJob(s, new OnJob(false, true, false, false)),
                        RejectionReason.REFEREE_ALREADY_PROPOSED),
                row("R6 someone else already referred the referee",
                        s -> withOnJob(s, new OnJob(false, false, true, false)),
                        RejectionReason.REFEREE_ALREADY_REFERRED),
                row("R7 the client already invited or hired the referee",
                        s -> withOnJob(s, new OnJob(false, false, false, true)),
                        RejectionReason.REFEREE_ALREADY_INVITED_OR_HIRED),
                row("R8 the job is private (invite-only)",
                        s -> withJob(s, new Job("job-1", JobVisibility.INVITE_ONLY, JobStatus.OPEN)),
                        RejectionReason.JOB_INVITE_ONLY),
                row("the job is closed",
                        s -> withJob(s, new Job("job-1", JobVisibility.PUBLIC, JobStatus.CLOSED)),
                        RejectionReason.JOB_CLOSED),
                row("the job is unknown once late facts stop being awaited",
                        s -> new ReferralSnapshot(s.referrerId(), Optional.empty(), s.referee(), s.onJob()),
                        RejectionReason.JOB_NOT_FOUND));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rulesTable")
    void eachRuleRejectsWithItsOwnReason(String situation, UnaryOperator<ReferralSnapshot> change,
                                         RejectionReason expected) {
        Decision decision = EligibilityRules.decide(change.apply(ELIGIBLE));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(expected));
    }

    @Test
    void aReferralThatBreaksNoRuleIsEligibleForTheResolvedReferee() {
        assertThat(EligibilityRules.decide(ELIGIBLE)).isEqualTo(new Decision.Eligible(REFEREE));
    }

    @Test
    void theFirstBrokenRuleInTableOrderIsTheReason() {
        ReferralSnapshot closedPrivateJobAndProposedReferee = new ReferralSnapshot(REFERRER,
                Optional.of(new Job("job-1", JobVisibility.INVITE_ONLY, JobStatus.CLOSED)),
                ELIGIBLE.referee(), new OnJob(true, true, true, true));

        Decision decision = EligibilityRules.decide(closedPrivateJobAndProposedReferee);

        assertThat(decision).isEqualTo(new Decision.Rejected(
                EligibilityRules.NO_REFERRALS_ON_A_CLOSED_JOB.name(), RejectionReason.JOB_CLOSED));
    }

    @Test
    void everyRejectionReasonExceptUnknownBelongsToExactlyOneRule() {
        assertThat(EligibilityRules.allCurrentRules())
                .extracting(EligibilityRule::reason)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(Stream.of(RejectionReason.values())
                        .filter(reason -> reason != RejectionReason.UNKNOWN)
                        .toArray(RejectionReason[]::new));
    }

    private static Arguments row(String situation, UnaryOperator<ReferralSnapshot> change, RejectionReason reason) {
        return Arguments.of(situation, change, reason);
    }

    private static ReferralSnapshot withReferee(ReferralSnapshot s, Optional<Referee> referee) {
        return new ReferralSnapshot(s.referrerId(), s.job(), referee, s.onJob());
    }

    private static ReferralSnapshot withOnJob(ReferralSnapshot s, OnJob onJob) {
        return new ReferralSnapshot(s.referrerId(), s.job(), s.referee(), onJob);
    }

    private static ReferralSnapshot withJob(ReferralSnapshot s, Job job) {
        return new ReferralSnapshot(s.referrerId(), Optional.of(job), s.referee(), s.onJob());
    }
}
