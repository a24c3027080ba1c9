package dev.referrals.processor.eligibility;

import static dev.referrals.events.RejectionReason.JOB_CLOSED;
import static dev.referrals.events.RejectionReason.JOB_INVITE_ONLY;
import static dev.referrals.events.RejectionReason.JOB_NOT_FOUND;
import static dev.referrals.events.RejectionReason.REFEREE_ALREADY_INVITED_OR_HIRED;
import static dev.referrals.events.RejectionReason.REFEREE_ALREADY_PROPOSED;
import static dev.referrals.events.RejectionReason.REFEREE_ALREADY_REFERRED;
import static dev.referrals.events.RejectionReason.REFEREE_NOT_FOUND;
import static dev.referrals.events.RejectionReason.REFERRER_ALREADY_REFERRED;
import static dev.referrals.events.RejectionReason.SELF_REFERRAL;

import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.util.List;

/**
 * The marketplace's referral rules (DESIGN.md, from the help page), one named rule per row, checked in order.
 * The first rule a request breaks is the reason it is rejected. A pure function: no I/O, no clock.
 */
public final class EligibilityRules {

    public static final EligibilityRule JOB_MUST_BE_KNOWN = new EligibilityRule(
            "job must be known to the marketplace",
            snapshot -> snapshot.job().isEmpty(),
            JOB_NOT_FOUND);

    public static final EligibilityRule NO_REFERRALS_ON_A_CLOSED_JOB = new EligibilityRule(
            "no referrals on a closed job",
            snapshot -> snapshot.job().filter(job -> job.status() == JobStatus.OPEN).isEmpty(),
            JOB_CLOSED);

    public static final EligibilityRule R8_NO_REFERRALS_ON_A_PRIVATE_JOB = new EligibilityRule(
            "R8 no referrals on a private (invite-only) job",
            snapshot -> snapshot.job().filter(job -> job.visibility() == JobVisibility.PUBLIC).isEmpty(),
            JOB_INVITE_ONLY);

    public static final EligibilityRule R2_R3_REFEREE_MUST_BE_A_FREELANCER_ON_THE_MARKETPLACE = new EligibilityRule(
            "R2/R3 referee must be an active freelancer account",
            snapshot -> snapshot.referee().filter(Referee::isActiveFreelancer).isEmpty(),
            REFEREE_NOT_FOUND);

    public static final EligibilityRule NO_SELF_REFERRAL = new EligibilityRule(
            "a freelancer cannot refer themselves",
            snapshot -> snapshot.referee().map(Referee::accountId).filter(snapshot.referrerId()::equals).isPresent(),
            SELF_REFERRAL);

    public static final EligibilityRule R4_ONE_REFERRAL_PER_REFERRER_PER_JOB = new EligibilityRule(
            "R4 a freelancer refers only one freelancer per job",
            snapshot -> snapshot.onJob().referrerAlreadyReferred(),
            REFERRER_ALREADY_REFERRED);

    public static final EligibilityRule R5_NOT_IF_THE_REFEREE_PROPOSED = new EligibilityRule(
            "R5 not if the referee already submitted a proposal",
            snapshot -> snapshot.onJob().refereeProposed(),
            REFEREE_ALREADY_PROPOSED);

    public static final EligibilityRule R6_NOT_IF_SOMEONE_ELSE_REFERRED_THE_REFEREE = new EligibilityRule(
            "R6 not if someone else already referred the referee",
            snapshot -> snapshot.onJob().refereeAlreadyReferred(),
            REFEREE_ALREADY_REFERRED);

    public static final EligibilityRule R7_NOT_IF_THE_CLIENT_INVITED_OR_HIRED_THE_REFEREE = new EligibilityRule(
            "R7 not if the client already invited or hired the referee",
            snapshot -> snapshot.onJob().refereeInvitedOrHired(),
            REFEREE_ALREADY_INVITED_OR_HIRED);

    private static final List<EligibilityRule> ALL_CURRENT_RULES = List.of(
            JOB_MUST_BE_KNOWN,
            NO_REFERRALS_ON_A_CLOSED_JOB,
            R8_NO_REFERRALS_ON_A_PRIVATE_JOB,
            R2_R3_REFEREE_MUST_BE_A_FREELANCER_ON_THE_MARKETPLACE,
            NO_SELF_REFERRAL,
            R4_ONE_REFERRAL_PER_REFERRER_PER_JOB,
            R5_NOT_IF_THE_REFEREE_PROPOSED,
            R6_NOT_IF_SOMEONE_ELSE_REFERRED_THE_REFEREE,
            R7_NOT_IF_THE_CLIENT_INVITED_OR_HIRED_THE_REFEREE);

    private EligibilityRules() {
    }

    /** The rules in the order they are checked. */
    public static List<EligibilityRule> allCurrentRules() {
        return ALL_CURRENT_RULES;
    }

    /** The decision for one request: the first rule broken, or eligible when none is. */
    public static Decision decide(ReferralSnapshot snapshot) {
        for (EligibilityRule rule : ALL_CURRENT_RULES) {
            if (rule.refuses().test(snapshot)) {
                return rule.rejection();
            }
        }
        return new Decision.Eligible(snapshot.referee().orElseThrow().accountId());
    }
}
