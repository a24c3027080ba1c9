package dev.referrals.processor.decision;

import static dev.referrals.processor.decision.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.ProcessorProperties;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LateFactPolicyTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant WITHIN_GRACE = REQUESTED_AT.plusSeconds(29);
    private static final Instant GRACE_OVER = REQUESTED_AT.plus(GRACE);
    private static final String BEN_URL = "https://marketplace.test/freelancers/ben";

    /** What the ledger's progress answers. */
    private boolean ledgerCaughtUp = true;

    private final LateFactPolicy policy = new LateFactPolicy(new ProcessorProperties(Duration.ofSeconds(30),
            new ProcessorProperties.Decisions(1, 1),
            new ProcessorProperties.LateFacts(GRACE, Duration.ofSeconds(1), Duration.ofSeconds(5)),
            new ProcessorProperties.Sweeper(Duration.ofSeconds(30), Duration.ofMinutes(1), 500)),
            before -> ledgerCaughtUp);

    private final ReferralRequested request =
            request("job-1", "ana", RefereeKind.PROFILE_URL, BEN_URL, REQUESTED_AT);

    @Test
    void aRequestWhoseJobRefereeAndInvitationAreKnownIsDecidedAtOnce() {
        assertThat(policy.awaitedFacts(request, facts(true, true), REQUESTED_AT)).isEmpty();
    }

    @Test
    void anInvitationTheLedgerDoesNotKnowIsAwaitedWithinTheGracePeriod() {
        LedgerFacts noInvitation = facts(true, true, false);

        assertThat(policy.awaitedFacts(request, noInvitation, WITHIN_GRACE))
                .contains("invitation " + request.getInvitationId() + " of ana");
        assertThat(policy.awaitedFacts(request, noInvitation, GRACE_OVER)).isEmpty();
    }

    @Test
    void anUnknownJobIsAwaitedWithinTheGracePeriod() {
        assertThat(policy.awaitedFacts(request, facts(false, true), WITHIN_GRACE)).contains("job job-1");
    }

    @Test
    void anUnmatchedRefereeIsAwaitedWithinTheGracePeriod() {
        assertThat(policy.awaitedFacts(request, facts(true, false), WITHIN_GRACE))
                .hasValueSatisfying(awaited -> assertThat(awaited).contains("PROFILE_URL referee"));
    }

    @Test
    void onceTheGracePeriodIsOverTheRequestIsDecidedWithWhatIsKnown() {
        assertThat(policy.awaitedFacts(request, facts(false, false), GRACE_OVER)).isEmpty();
    }

    @Test
    void aRefereeNameThatCanNeverMatchIsNotAwaited() {
        ReferralRequested unknownKind = ReferralRequested.newBuilder(request)
                .setRefereeKind(RefereeKind.UNKNOWN).setReferee("ben").build();

        assertThat(policy.awaitedFacts(unknownKind, facts(true, false), REQUESTED_AT)).isEmpty();
    }

    @Test
    void theGracePeriodCountsFromRequestedAt() {
        assertThat(policy.deadline(request)).isEqualTo(REQUESTED_AT.plus(GRACE));
    }

    @Test
    void aRequestPastItsGracePeriodWaitsForTheLedgerToReadEveryFactPublishedBeforeItEnded() {
        ledgerCaughtUp = false;

        assertThat(policy.awaitedFacts(request, facts(false, true), GRACE_OVER)).isEmpty();
        assertThat(policy.awaitedBehindTheLedger(request, facts(false, true))).contains("job job-1");
        assertThat(policy.awaitedBehindTheLedger(request, facts(true, true))).isEmpty();

        ledgerCaughtUp = true;
        assertThat(policy.awaitedBehindTheLedger(request, facts(false, true))).isEmpty();
    }

    private LedgerFacts facts(boolean jobKnown, boolean refereeKnown) {
        return facts(jobKnown, refereeKnown, true);
    }

    private LedgerFacts facts(boolean jobKnown, boolean refereeKnown, boolean invitationKnown) {
        return new LedgerFacts(
                jobKnown ? Map.of("job-1", new Job("job-1", "client-of-job-1", JobVisibility.PUBLIC, JobStatus.OPEN))
                        : Map.of(),
                refereeKnown ? Map.of(new RefereeName(RefereeName.Kind.PROFILE_URL, BEN_URL),
                        new Referee("ben", AccountKind.FREELANCER, AccountStatus.ACTIVE)) : Map.of(),
                Set.of(), Set.of(), List.of(),
                invitationKnown ? Set.of(LedgerFacts.Invited.declinedBy(request)) : Set.of(), List.of());
    }
}
