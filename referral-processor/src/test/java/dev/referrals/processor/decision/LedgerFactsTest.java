package dev.referrals.processor.decision;

import static dev.referrals.processor.decision.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.decision.LedgerFacts.Place;
import dev.referrals.processor.decision.LedgerFacts.Referral;
import dev.referrals.processor.eligibility.Decision;
import dev.referrals.processor.eligibility.EligibilityRules;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.OnJob;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The snapshot the rules get for each request of a list, from what the ledger holds and what was decided since. */
class LedgerFactsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String JOB = "job-7";
    private static final String BEN_URL = "https://marketplace.test/freelancers/ben";
    private static final RefereeName BEN = new RefereeName(RefereeName.Kind.PROFILE_URL, BEN_URL);

    private final Map<String, Job> jobs = Map.of(JOB, new Job(JOB, JobVisibility.PUBLIC, JobStatus.OPEN));
    private final Map<RefereeName, Referee> referees =
            Map.of(BEN, new Referee("ben", AccountKind.FREELANCER, AccountStatus.ACTIVE));

    @Test
    void theSnapshotCarriesTheRefereesPlacesOnTheJob() {
        LedgerFacts facts = new LedgerFacts(jobs, referees, Set.of(new Place(JOB, "ben")),
                Set.of(new Place(JOB, "ben")), List.of(new Referral(JOB, "ana", "ben")));

        assertThat(facts.snapshotFor(request(JOB, "ana", RefereeKind.PROFILE_URL, BEN_URL, NOW)).onJob())
                .isEqualTo(new OnJob(true, true, true, true));
    }

    @Test
    void placesOnOtherJobsDoNotCount() {
        LedgerFacts facts = new LedgerFacts(jobs, referees, Set.of(new Place("job-8", "ben")),
                Set.of(new Place("job-8", "ben")), List.of(new Referral("job-8", "ana", "ben")));

        assertThat(facts.snapshotFor(request(JOB, "ana", RefereeKind.PROFILE_URL, BEN_URL, NOW)).onJob())
                .isEqualTo(OnJob.NOTHING_YET);
    }

    @Test
    void aLaterRequestOfTheSameListSeesTheReferralDecidedBeforeIt() {
        LedgerFacts facts = new LedgerFacts(jobs, referees, Set.of(), Set.of(), List.of());
        ReferralRequested byAna = request(JOB, "ana", RefereeKind.PROFILE_URL, BEN_URL, NOW);
        ReferralRequested byCid = request(JOB, "cid", RefereeKind.PROFILE_URL, BEN_URL + "/", NOW);

        Decision first = EligibilityRules.decide(facts.snapshotFor(byAna));
        facts.add(new Referral(JOB, "ana", "ben"));
        Decision second = EligibilityRules.decide(facts.snapshotFor(byCid));

        assertThat(first).isEqualTo(new Decision.Eligible("ben"));
        assertThat(second).isInstanceOfSatisfying(Decision.Rejected.class, rejected ->
                assertThat(rejected.reason()).isEqualTo(RejectionReason.REFEREE_ALREADY_REFERRED));
    }
}
