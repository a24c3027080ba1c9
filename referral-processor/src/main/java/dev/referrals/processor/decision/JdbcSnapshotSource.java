package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.decision.LedgerFacts.InvitationOnJob;
import dev.referrals.processor.decision.LedgerFacts.Invited;
import dev.referrals.processor.decision.LedgerFacts.Place;
import dev.referrals.processor.decision.LedgerFacts.Referral;
import dev.referrals.processor.eligibility.ReferralSnapshot.Job;
import dev.referrals.processor.eligibility.ReferralSnapshot.Referee;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the facts for a whole list of requests in six queries: jobs, matching accounts, the referees' and referrers'
 * places on those jobs, and the invitations the requests decline (sent upstream, and already declined here). Lists
 * travel as PostgreSQL arrays, so the statements are the same for any length.
 */
@Component
class JdbcSnapshotSource implements SnapshotSource {

    private static final String[] NONE = new String[0];

    /**
     * When two accounts carry the same URL or email (upstream should prevent it), an active freelancer wins, then
     * the lowest account id, so that the same ledger always gives the same decision.
     */
    private static final Comparator<MatchedAccount> PREFERRED_MATCH = Comparator
            .comparing((MatchedAccount account) -> !account.referee().isActiveFreelancer())
            .thenComparing(MatchedAccount::accountId);

    private final NamedParameterJdbcTemplate jdbc;
    private final EmailFingerprintKeys fingerprintKeys;

    JdbcSnapshotSource(NamedParameterJdbcTemplate jdbc, EmailFingerprintKeys fingerprintKeys) {
        this.jdbc = jdbc;
        this.fingerprintKeys = fingerprintKeys;
    }

    @Override
    public LedgerFacts load(List<ReferralRequested> requests) {
        requireKnownKeys(requests);
        if (requests.isEmpty()) {
            return new LedgerFacts(Map.of(), Map.of(), Set.of(), Set.of(), List.of(), Set.of(), List.of());
        }
        Map<String, Job> jobs = jobs(requests.stream().map(ReferralRequested::getJobId).collect(Collectors.toSet()));
        Map<RefereeName, Referee> referees = referees(requests.stream()
                .map(RefereeName::of).flatMap(Optional::stream).collect(Collectors.toSet()));

        Set<Place> refereePlaces = new LinkedHashSet<>();
        Set<Place> referrerPlaces = new LinkedHashSet<>();
        for (ReferralRequested request : requests) {
            referrerPlaces.add(new Place(request.getJobId(), request.getReferrerId()));
            RefereeName.of(request).map(referees::get)
                    .ifPresent(referee -> refereePlaces.add(new Place(request.getJobId(), referee.accountId())));
        }
        Set<Place> proposals = new HashSet<>();
        Set<Place> invitationsOrHires = new HashSet<>();
        activity(refereePlaces, proposals, invitationsOrHires);
        List<Invited> declining = requests.stream().map(Invited::declinedBy).distinct().toList();
        return new LedgerFacts(jobs, referees, proposals, invitationsOrHires,
                referrals(referrerPlaces, refereePlaces), invitations(declining), declined(declining));
    }

    private Map<String, Job> jobs(Set<String> jobIds) {
        Map<String, Job> jobs = new HashMap<>();
        jdbc.query("select job_id, client_id, visibility, status from job where job_id = any(:jobIds)",
                new MapSqlParameterSource("jobIds", jobIds.toArray(NONE)),
                row -> {
                    Job job = new Job(row.getString("job_id"), row.getString("client_id"),
                            JobVisibility.valueOf(row.getString("visibility")),
                            JobStatus.valueOf(row.getString("status")));
                    jobs.put(job.jobId(), job);
                });
        return jobs;
    }

    /** Only keys this processor holds are matched; any other would reject a referee who may well exist. */
    private void requireKnownKeys(List<ReferralRequested> requests) {
        for (ReferralRequested request : requests) {
            RefereeName.of(request)
                    .filter(name -> name.kind() == RefereeName.Kind.EMAIL_FINGERPRINT)
                    .filter(name -> !fingerprintKeys.keyIds().contains(name.keyId()))
                    .ifPresent(name -> {
                        throw new UnknownFingerprintKeyException(request.getRequestId(), name.keyId());
                    });
        }
    }

    /** A URL by its normalized form; an email by its fingerprint under the key id the request names. */
    private Map<RefereeName, Referee> referees(Set<RefereeName> names) {
        String[] urls = names.stream().filter(name -> name.kind() == RefereeName.Kind.PROFILE_URL)
                .map(RefereeName::value).toArray(String[]::new);
        List<RefereeName> fingerprints = names.stream()
                .filter(name -> name.kind() == RefereeName.Kind.EMAIL_FINGERPRINT).toList();
        if (urls.length == 0 && fingerprints.isEmpty()) {
            return Map.of();
        }
        Map<RefereeName, MatchedAccount> matches = new HashMap<>();
        jdbc.query("""
                        select a.account_id, a.kind, a.status, a.profile_url, null as key_id, null as fingerprint
                          from account a
                         where not a.erased and a.profile_url = any(:urls)
                        union all
                        select a.account_id, a.kind, a.status, null, f.key_id, f.fingerprint
                          from account a
                          join account_email_fingerprint f on f.account_id = a.account_id
                          join unnest(:keyIds, :fingerprints) as wanted(key_id, fingerprint)
                            on f.key_id = wanted.key_id and f.fingerprint = wanted.fingerprint
                         where not a.erased
                        """,
                new MapSqlParameterSource("urls", urls)
                        .addValue("keyIds", fingerprints.stream().map(RefereeName::keyId).toArray(String[]::new))
                        .addValue("fingerprints", fingerprints.stream().map(RefereeName::value).toArray(String[]::new)),
                row -> {
                    MatchedAccount account = new MatchedAccount(row.getString("account_id"), new Referee(
                            row.getString("account_id"), AccountKind.valueOf(row.getString("kind")),
                            AccountStatus.valueOf(row.getString("status"))));
                    String url = row.getString("profile_url");
                    keep(matches, url == null ? null : RefereeName.profileUrl(url), account);
                    String fingerprint = row.getString("fingerprint");
                    keep(matches, fingerprint == null ? null
                            : RefereeName.emailFingerprint(row.getString("key_id"), fingerprint), account);
                });
        Map<RefereeName, Referee> referees = new HashMap<>();
        matches.forEach((name, account) -> {
            if (names.contains(name)) {
                referees.put(name, account.referee());
            }
        });
        return referees;
    }

    private static void keep(Map<RefereeName, MatchedAccount> matches, RefereeName name, MatchedAccount account) {
        if (name != null) {
            matches.merge(name, account, (one, other) -> PREFERRED_MATCH.compare(one, other) <= 0 ? one : other);
        }
    }

    private void activity(Set<Place> refereePlaces, Set<Place> proposals, Set<Place> invitationsOrHires) {
        if (refereePlaces.isEmpty()) {
            return;
        }
        jdbc.query("""
                        select distinct a.job_id, a.freelancer_id, a.kind
                          from job_activity a
                          join unnest(:jobIds, :accountIds) as wanted(job_id, account_id)
                            on a.job_id = wanted.job_id and a.freelancer_id = wanted.account_id
                         where a.kind in ('PROPOSAL_SUBMITTED', 'INVITED', 'HIRED')
                        """,
                places(refereePlaces),
                row -> {
                    Place place = new Place(row.getString("job_id"), row.getString("freelancer_id"));
                    if (JobActivityKind.valueOf(row.getString("kind")) == JobActivityKind.PROPOSAL_SUBMITTED) {
                        proposals.add(place);
                    } else {
                        invitationsOrHires.add(place);
                    }
                });
    }

    private List<Referral> referrals(Set<Place> referrerPlaces, Set<Place> refereePlaces) {
        MapSqlParameterSource parameters = places(referrerPlaces);
        MapSqlParameterSource refereeParameters = places(refereePlaces);
        parameters.addValue("refereeJobIds", refereeParameters.getValue("jobIds"))
                .addValue("refereeIds", refereeParameters.getValue("accountIds"));
        return jdbc.query("""
                        select r.job_id, r.referrer_id, r.referee_id
                          from referral r
                          join unnest(:jobIds, :accountIds) as wanted(job_id, account_id)
                            on r.job_id = wanted.job_id and r.referrer_id = wanted.account_id
                        union
                        select r.job_id, r.referrer_id, r.referee_id
                          from referral r
                          join unnest(:refereeJobIds, :refereeIds) as wanted(job_id, account_id)
                            on r.job_id = wanted.job_id and r.referee_id = wanted.account_id
                        """,
                parameters,
                (row, i) -> new Referral(row.getString("job_id"), row.getString("referrer_id"),
                        row.getString("referee_id")));
    }

    /**
     * The invitations upstream sent these referrers (JobActivity INVITED) to the jobs they refer on or with the ids
     * they name: enough to tell "invited with this invitation" from "invited to another job" or "with another id".
     */
    private Set<Invited> invitations(List<Invited> declining) {
        return new HashSet<>(jdbc.query("""
                        select a.job_id, a.freelancer_id, a.invitation_id
                          from job_activity a
                          join unnest(:jobIds, :freelancerIds) as wanted(job_id, freelancer_id)
                            on a.job_id = wanted.job_id and a.freelancer_id = wanted.freelancer_id
                         where a.kind = 'INVITED' and a.invitation_id is not null
                        union
                        select a.job_id, a.freelancer_id, a.invitation_id
                          from job_activity a
                          join unnest(:invitationIds, :freelancerIds) as wanted(invitation_id, freelancer_id)
                            on a.invitation_id = wanted.invitation_id and a.freelancer_id = wanted.freelancer_id
                         where a.kind = 'INVITED'
                        """,
                new MapSqlParameterSource()
                        .addValue("jobIds", declining.stream().map(Invited::jobId).toArray(String[]::new))
                        .addValue("freelancerIds", declining.stream().map(Invited::freelancerId).toArray(String[]::new))
                        .addValue("invitationIds", declining.stream().map(Invited::invitationId).toArray(String[]::new)),
                (row, i) -> new Invited(row.getString("job_id"), row.getString("freelancer_id"),
                        row.getString("invitation_id"))));
    }

    /** Which of these invitations an earlier request already declined with a referral. */
    private List<InvitationOnJob> declined(List<Invited> declining) {
        return jdbc.query("""
                        select d.job_id, d.invitation_id
                          from declined_invitation d
                          join unnest(:jobIds, :invitationIds) as wanted(job_id, invitation_id)
                            on d.job_id = wanted.job_id and d.invitation_id = wanted.invitation_id
                        """,
                new MapSqlParameterSource()
                        .addValue("jobIds", declining.stream().map(Invited::jobId).toArray(String[]::new))
                        .addValue("invitationIds", declining.stream().map(Invited::invitationId).toArray(String[]::new)),
                (row, i) -> new InvitationOnJob(row.getString("job_id"), row.getString("invitation_id")));
    }

    private static MapSqlParameterSource places(Set<Place> places) {
        return new MapSqlParameterSource()
                .addValue("jobIds", places.stream().map(Place::jobId).toArray(String[]::new))
                .addValue("accountIds", places.stream().map(Place::accountId).toArray(String[]::new));
    }

    private record MatchedAccount(String accountId, Referee referee) {
    }
}
