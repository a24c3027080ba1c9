package dev.referrals.processor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.eligibility.ReferralSnapshot.Invitation;
import dev.referrals.processor.eligibility.ReferralSnapshot.Invitation.Sent;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.OnJob;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules table of docs/rules.md, one row per rule: the situation, and the decision it leads to. */
class EligibilityRulesTest {

    private static final String REFERRER = "freelancer-ana";
    private static final String REFEREE = "freelancer-ben";
    private static final String CLIENT = "client-carla";
    private static final String JOB = "job-1";
    private static final String INVITATION = "invitation-ana-1";
    /** The invitation upstream sent the referrer to this job, which the request declines. */
    private static final Invitation DECLINING_ITS_INVITATION = new Invitation(JOB, INVITATION,
            Set.of(new Sent(JOB, INVITATION)), false);

    /**
     * An open public job of the client the request names, a referrer declining their invitation to it for the first
     * time, an active freelancer as referee, nobody else on the job yet: eligible.
     */
    private static final ReferralSnapshot ELIGIBLE = new ReferralSnapshot(
            REFERRER,
            CLIENT,
            Optional.of(new Job(JOB, CLIENT, JobVisibility.PUBLIC, JobStatus.OPEN)),
            Optional.of(new Referee(REFEREE, AccountKind.FREELANCER, AccountStatus.ACTIVE)),
            DECLINING_ITS_INVITATION,
            OnJob.NOTHING_YET);

    static Stream<Arguments> rulesTable() {
        return Stream.of(
                row("R1 the referrer was never invited to the job (a made-up referrer)",
                        s -> withInvitationsSent(s, Set.of(), false), RejectionReason.REFERRER_NOT_INVITED),
                row("R1 the referrer was invited with this invitation id, but to another job",
                        s -> withInvitationsSent(s, Set.of(new Sent("job-2", INVITATION)), false),
                        RejectionReason.REFERRER_NOT_INVITED),
                row("R1 the referrer was invited to this job, but with another invitation id",
                        s -> withInvitationsSent(s, Set.of(new Sent(JOB, "invitation-ana-2")), false),
                        RejectionReason.REFERRER_NOT_INVITED),
                row("R1 the referrer already declined this invitation once with a referral",
                        s -> withInvitationsSent(s, Set.of(new Sent(JOB, INVITATION)), true),
                        RejectionReason.INVITATION_ALREADY_DECLINED),
                row("the request names another client than the job's",
                        s -> new ReferralSnapshot(s.referrerId(), "client-mallory", s.job(), s.referee(),
                                s.invitation(), s.onJob()),
                        RejectionReason.CLIENT_NOT_JOB_OWNER),
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
                        s -> withJob(s, new Job(JOB, CLIENT, JobVisibility.INVITE_ONLY, JobStatus.OPEN)),
                        RejectionReason.JOB_INVITE_ONLY),
                row("the job is closed",
                        s -> withJob(s, new Job(JOB, CLIENT, JobVisibility.PUBLIC, JobStatus.CLOSED)),
                        RejectionReason.JOB_CLOSED),
                row("the job is unknown once late facts stop being awaited",
                        s -> new ReferralSnapshot(s.referrerId(), s.clientId(), Optional.empty(), s.referee(),
                                s.invitation(), s.onJob()),
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
        assertThat(EligibilityRules.decide(ELIGIBLE)).isEqualTo(new Decision.Eligible(REFEREE, CLIENT));
    }

    @Test
    void anEligibleReferralIsAddressedToTheJobsClientFromTheLedger() {
        Decision decision = EligibilityRules.decide(ELIGIBLE);

        assertThat(decision).isInstanceOfSatisfying(Decision.Eligible.class,
                eligible -> assertThat(eligible.clientId()).isEqualTo(ELIGIBLE.job().orElseThrow().clientId()));
    }

    @Test
    void aDecisionPastTheRulesOnWhoMayReferDeclinesTheInvitationAndOneBeforeThemDoesNot() {
        assertThat(EligibilityRules.declinesTheInvitation(EligibilityRules.decide(ELIGIBLE))).isTrue();
        assertThat(EligibilityRules.declinesTheInvitation(EligibilityRules.decide(withOnJob(ELIGIBLE,
                new OnJob(false, true, false, false))))).as("rejected R5").isTrue();
        assertThat(EligibilityRules.declinesTheInvitation(EligibilityRules.decide(withInvitationsSent(ELIGIBLE,
                Set.of(), false)))).as("rejected R1, not invited").isFalse();
        assertThat(EligibilityRules.declinesTheInvitation(EligibilityRules.decide(withInvitationsSent(ELIGIBLE,
                ELIGIBLE.invitation().sentToReferrer(), true)))).as("rejected R1, declined before").isFalse();
    }

    @Test
    void theFirstBrokenRuleInTableOrderIsTheReason() {
        ReferralSnapshot closedPrivateJobAndProposedReferee = new ReferralSnapshot(REFERRER, CLIENT,
                Optional.of(new Job(JOB, CLIENT, JobVisibility.INVITE_ONLY, JobStatus.CLOSED)),
                ELIGIBLE.referee(), DECLINING_ITS_INVITATION, new OnJob(true, true, true, true));

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
        return new ReferralSnapshot(s.referrerId(), s.clientId(), s.job(), referee, s.invitation(), s.onJob());
    }

    private static ReferralSnapshot withOnJob(ReferralSnapshot s, OnJob onJob) {
        return new ReferralSnapshot(s.referrerId(), s.clientId(), s.job(), s.referee(), s.invitation(), onJob);
    }

    private static ReferralSnapshot withJob(ReferralSnapshot s, Job job) {
        return new ReferralSnapshot(s.referrerId(), s.clientId(), Optional.of(job), s.referee(), s.invitation(),
                s.onJob());
    }

    private static ReferralSnapshot withInvitationsSent(ReferralSnapshot s, Set<Sent> sent, boolean alreadyDeclined) {
        Invitation invitation = new Invitation(s.invitation().jobId(), s.invitation().invitationId(), sent,
                alreadyDeclined);
        return new ReferralSnapshot(s.referrerId(), s.clientId(), s.job(), s.referee(), invitation, s.onJob());
    }
}
