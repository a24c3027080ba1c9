package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.eligibility.ReferralSnapshot;
import dev.referrals.processor.eligibility.ReferralSnapshot.Invitation;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.OnJob;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ledger knows that a list of requests needs, read in a few queries, plus what was decided in memory
 * since: a request sees the referrals, and the declined invitations, of the requests before it in the same list.
 */
public final class LedgerFacts {

    private final Map<String, Job> jobs;
    private final Map<RefereeName, Referee> referees;
    private final Set<Place> proposals;
    private final Set<Place> invitationsOrHires;
    private final Set<Invited> invitations;
    private final Map<String, List<Invited>> invitationsByFreelancer;
    private final Set<Place> referrers = new HashSet<>();
    private final Set<Place> referred = new HashSet<>();
    private final Set<InvitationOnJob> declined = new HashSet<>();

    /**
     * @param jobs               the jobs the requests name, by jobId
     * @param referees           the accounts the referee names match
     * @param proposals          who submitted a proposal to which job (R5)
     * @param invitationsOrHires who was invited or hired on which job (R7)
     * @param referrals          the referrals already made on these jobs, as (job, referrer, referee)
     * @param invitations        the invitations upstream sent the requests' referrers to their jobs or with the ids
     *                           they name, as (job, referrer, invitation) (R1)
     * @param declined           those of the requests' invitations already declined with a referral (R1)
     */
    public LedgerFacts(Map<String, Job> jobs, Map<RefereeName, Referee> referees, Set<Place> proposals,
                       Set<Place> invitationsOrHires, Iterable<Referral> referrals, Set<Invited> invitations,
                       Iterable<InvitationOnJob> declined) {
        this.jobs = Map.copyOf(jobs);
        this.referees = Map.copyOf(referees);
        this.proposals = Set.copyOf(proposals);
        this.invitationsOrHires = Set.copyOf(invitationsOrHires);
        this.invitations = Set.copyOf(invitations);
        this.invitationsByFreelancer = this.invitations.stream()
                .collect(Collectors.groupingBy(Invited::freelancerId));
        referrals.forEach(this::add);
        declined.forEach(this.declined::add);
    }

    /** A person on a job. */
    public record Place(String jobId, String accountId) {
    }

    /** A referral made on a job. */
    public record Referral(String jobId, String referrerId, String refereeId) {
    }

    /** An invitation of a freelancer to a job, as upstream's JobActivity INVITED names it. */
    public record Invited(String jobId, String freelancerId, String invitationId) {

        /** The invitation the request says its referrer declines. */
        public static Invited declinedBy(ReferralRequested request) {
            return new Invited(request.getJobId(), request.getReferrerId(), request.getInvitationId());
        }
    }

    /** An invitation, by its id on its job. */
    public record InvitationOnJob(String jobId, String invitationId) {

        public static InvitationOnJob of(ReferralRequested request) {
            return new InvitationOnJob(request.getJobId(), request.getInvitationId());
        }
    }

    public Optional<Job> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** The account the request's referee name matches, if any. */
    public Optional<Referee> referee(ReferralRequested request) {
        return RefereeName.of(request).map(referees::get);
    }

    /** Upstream invited the request's referrer to its job with the invitation it names (R1). */
    public boolean holdsInvitation(ReferralRequested request) {
        return invitations.contains(Invited.declinedBy(request));
    }

    /** The invitation the request declines, with the referrer's invitations to its job or with its id. */
    private Invitation invitation(ReferralRequested request) {
        Set<Invitation.Sent> sent = invitationsByFreelancer.getOrDefault(request.getReferrerId(), List.of()).stream()
                .filter(invited -> invited.jobId().equals(request.getJobId())
                        || invited.invitationId().equals(request.getInvitationId()))
                .map(invited -> new Invitation.Sent(invited.jobId(), invited.invitationId()))
                .collect(Collectors.toSet());
        return new Invitation(request.getJobId(), request.getInvitationId(), sent,
                declined.contains(InvitationOnJob.of(request)));
    }

    /** Everything the rules look at for this request. */
    public ReferralSnapshot snapshotFor(ReferralRequested request) {
        String jobId = request.getJobId();
        Optional<Referee> referee = referee(request);
        Optional<Place> refereePlace = referee.map(account -> new Place(jobId, account.accountId()));
        return new ReferralSnapshot(request.getReferrerId(), request.getClientId(), job(jobId), referee,
                invitation(request),
                new OnJob(
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

    /** An invitation declined by a decision after loading, so that later requests of the same list see it (R1). */
    public void declined(InvitationOnJob invitation) {
        declined.add(invitation);
    }
}
