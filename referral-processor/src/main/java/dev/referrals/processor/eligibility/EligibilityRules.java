package dev.referrals.processor.eligibility;

import static dev.referrals.events.RejectionReason.CLIENT_NOT_JOB_OWNER;
import static dev.referrals.events.RejectionReason.INVITATION_ALREADY_DECLINED;
import static dev.referrals.events.RejectionReason.JOB_CLOSED;
import static dev.referrals.events.RejectionReason.JOB_INVITE_ONLY;
import static dev.referrals.events.RejectionReason.JOB_NOT_FOUND;
import static dev.referrals.events.RejectionReason.REFEREE_ALREADY_INVITED_OR_HIRED;
import static dev.referrals.events.RejectionReason.REFEREE_ALREADY_PROPOSED;
import static dev.referrals.events.RejectionReason.REFEREE_ALREADY_REFERRED;
import static dev.referrals.events.RejectionReason.REFEREE_NOT_FOUND;
import static dev.referrals.events.RejectionReason.REFERRER_ALREADY_REFERRED;
import static dev.referrals.events.RejectionReason.REFERRER_NOT_INVITED;
import static dev.referrals.events.RejectionReason.SELF_REFERRAL;

import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The marketplace's referral rules (docs/rules.md, from the help page), one named rule per row, checked in order.
 * The first rule a request breaks is the reason it is rejected. A pure function: no I/O, no clock.
 *
 * <p>The first rules decide who may refer at all: the job is known, the request names its client, and the referrer
 * declines an invitation they hold, for the first time (R1). The rules after them decide whom and where.
 */
public final class EligibilityRules {

    public static final EligibilityRule JOB_MUST_BE_KNOWN = new EligibilityRule(
            "job must be known to the marketplace",
            snapshot -> snapshot.job().isEmpty(),
            JOB_NOT_FOUND);

    public static final EligibilityRule THE_CLIENT_IS_THE_JOBS_CLIENT = new EligibilityRule(
            "the client of a referral is the job's client, as the ledger knows it",
            snapshot -> snapshot.job().map(Job::clientId).filter(snapshot.clientId()::equals).isEmpty(),
            CLIENT_NOT_JOB_OWNER);

    public static final EligibilityRule R1_ONLY_THE_INVITED_FREELANCER_REFERS = new EligibilityRule(
            "R1 only a freelancer invited to the job refers, while declining that invitation",
            snapshot -> !snapshot.invitation().heldByReferrer(),
            REFERRER_NOT_INVITED);

    public static final EligibilityRule R1_ONE_REFERRAL_PER_INVITATION = new EligibilityRule(
            "R1 an invitation is declined with a referral only once",
            snapshot -> snapshot.invitation().alreadyDeclined(),
            INVITATION_ALREADY_DECLINED);

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
            THE_CLIENT_IS_THE_JOBS_CLIENT,
            R1_ONLY_THE_INVITED_FREELANCER_REFERS,
            R1_ONE_REFERRAL_PER_INVITATION,
            NO_REFERRALS_ON_A_CLOSED_JOB,
            R8_NO_REFERRALS_ON_A_PRIVATE_JOB,
            R2_R3_REFEREE_MUST_BE_A_FREELANCER_ON_THE_MARKETPLACE,
            NO_SELF_REFERRAL,
            R4_ONE_REFERRAL_PER_REFERRER_PER_JOB,
            R5_NOT_IF_THE_REFEREE_PROPOSED,
            R6_NOT_IF_SOMEONE_ELSE_REFERRED_THE_REFEREE,
            R7_NOT_IF_THE_CLIENT_INVITED_OR_HIRED_THE_REFEREE);

    /** The reasons of the rules on who may refer: a request they reject has not declined its invitation. */
    private static final Set<RejectionReason> BEFORE_THE_INVITATION_IS_DECLINED = ALL_CURRENT_RULES
            .subList(0, ALL_CURRENT_RULES.indexOf(R1_ONE_REFERRAL_PER_INVITATION) + 1)
            .stream().map(EligibilityRule::reason).collect(Collectors.toUnmodifiableSet());

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
        return new Decision.Eligible(snapshot.referee().orElseThrow().accountId(),
                snapshot.job().orElseThrow().clientId());
    }

    /**
     * Whether the decision uses up the request's invitation (R1, once per invitation): it does when the request got
     * past the rules on who may refer, so a referral was created, or rejected by a rule on whom or where. A later
     * request on the same invitation is then rejected with {@code INVITATION_ALREADY_DECLINED}.
     */
    public static boolean declinesTheInvitation(Decision decision) {
        return !(decision instanceof Decision.Rejected rejected)
                || !BEFORE_THE_INVITATION_IS_DECLINED.contains(rejected.reason());
    }
}
