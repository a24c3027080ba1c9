package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.eligibility.ReferralSnapshot;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.OnJob;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger knows that a list of requests needs, read in a few queries, plus the referrals decided in memory
 * since: a request sees the referrals of the requests before it in the same list.
 */
public final class LedgerFacts {

    private final Map<String, Job> jobs;
    private final Map<RefereeName, Referee> referees;
    private final Set<Place> proposals;
    private final Set<Place> invitationsOrHires;
    private final Set<Place> referrers = new HashSet<>();
    private final Set<Place> referred = new HashSet<>();

    /**
     * @param jobs               the jobs the requests name, by jobId
     * @param referees           the accounts the referee names match
     * @param proposals          who submitted a proposal to which job (R5)
     * @param invitationsOrHires who was invited or hired on which job (R7)
     * @param referrals          the referrals already made on these jobs, as (job, referrer, referee)
     */
    public LedgerFacts(Map<String, Job> jobs, Map<RefereeName, Referee> referees, Set<Place> proposals,
                       Set<Place> invitationsOrHires, Iterable<Referral> referrals) {
        this.jobs = Map.copyOf(jobs);
        this.referees = Map.copyOf(referees);
        this.proposals = Set.copyOf(proposals);
        this.invitationsOrHires = Set.copyOf(invitationsOrHires);
        referrals.forEach(this::add);
    }

    /** A person on a job. */
    public record Place(String jobId, String accountId) {
    }

    /** A referral made on a job. */
    public record Referral(String jobId, String referrerId, String refereeId) {
    }

    public Optional<Job> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** The account the request's referee name matches, if any. */
    public Optional<Referee> referee(ReferralRequested request) {
        return RefereeName.of(request).map(referees::get);
    }

    /** Everything the rules look at for this request. */
    public ReferralSnapshot snapshotFor(ReferralRequested request) {
        String jobId = request.getJobId();
        Optional<Referee> referee = referee(request);
        Optional<Place> refereePlace = referee.map(account -> new Place(jobId, account.accountId()));
        return new ReferralSnapshot(request.getReferrerId(), job(jobId), referee, new OnJob(
                referrers.contains(new Place(jobId, request.getReferrerId())),
                refereePlace.filter(proposals::contains).isPresent(),
                refereePlace.filter(referred::contains).isPresent(),
                refereePlace.filter(invitationsOrHires::contains).isPresent()));
    }

    /** A referral decided after loading, so that later requests of the same list see it (R4, R6). */
    public void add(Referral referral) {
        referrers.add(new Place(referral.jobId(), referral.referrerId()));
        referred.add(new Place(referral.jobId(), referral.refereeId()));
    }
}
