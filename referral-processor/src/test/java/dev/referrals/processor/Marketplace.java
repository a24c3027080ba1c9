package dev.referrals.processor;

import static org.awaitility.Awaitility.await;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.processor.ledger.LedgerTime;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.privacy.EmailFingerprint;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The upstream marketplace and the referral API, as the processor sees them: facts and requests published on the
 * real topics. The {@code given...} methods also wait until the processor has the fact in its ledger, so that a test
 * can then send a request that must be decided on it.
 */
public class Marketplace {

    /** Long before any test: its grace period is over, so it is decided at once with what the ledger knows. */
    public static final Duration LONG_AGO = Duration.ofHours(1);

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** The keys the local stack configures the processor with, as the API would fingerprint. */
    public static final EmailFingerprintKeys FINGERPRINT_KEYS = new EmailFingerprintKeys(LocalFingerprintKey.KEY_ID,
            Map.of(LocalFingerprintKey.KEY_ID, LocalFingerprintKey.SECRET));

    private final KafkaTemplate<String, Object> kafka;
    private final TopicNamespace namespace;
    private final JdbcClient jdbc;

    Marketplace(KafkaTemplate<String, Object> kafka, TopicNamespace namespace, JdbcClient jdbc) {
        this.kafka = kafka;
        this.namespace = namespace;
        this.jdbc = jdbc;
    }

    /** A name no other test uses. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String profileUrlOf(String accountId) {
        return "https://marketplace.test/freelancers/" + accountId;
    }

    public static String emailOf(String accountId) {
        return accountId + "@example.test";
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Account freelancer(String accountId) {
        return Account.newBuilder().setAccountId(accountId).setKind(AccountKind.FREELANCER)
                .setDisplayName("Freelancer " + accountId).setEmail(emailOf(accountId))
                .setProfileUrl(profileUrlOf(accountId)).setStatus(AccountStatus.ACTIVE).setUpdatedAt(now()).build();
    }

    public static Job job(String jobId, JobVisibility visibility, JobStatus status) {
        return Job.newBuilder().setJobId(jobId).setClientId("client-of-" + jobId).setTitle("Job " + jobId)
                .setVisibility(visibility).setStatus(status).setUpdatedAt(now()).build();
    }

    /** The invitation a test's referrer declines on a job, unless the test names another. */
    public static String invitationOf(String jobId, String freelancerId) {
        return "invitation-" + jobId + "-" + freelancerId;
    }

    /** Upstream invites the freelancer to the job with this invitation (the fact R1 needs). */
    public static JobActivity invited(String jobId, String freelancerId, String invitationId) {
        return JobActivity.newBuilder(activity(jobId, freelancerId, JobActivityKind.INVITED))
                .setInvitationId(invitationId).build();
    }

    public static JobActivity activity(String jobId, String freelancerId, JobActivityKind kind) {
        return JobActivity.newBuilder().setEventId(UUID.randomUUID().toString()).setJobId(jobId)
                .setFreelancerId(freelancerId).setKind(kind).setInvitationId("invitation-" + UUID.randomUUID())
                .setOccurredAt(now()).build();
    }

    /** A referral of {@code referee} by URL, requested long ago so it is decided on what the ledger holds now. */
    public static ReferralRequested referral(String jobId, String referrerId, String refereeUrl) {
        return request(jobId, referrerId, RefereeKind.PROFILE_URL, refereeUrl, now().minus(LONG_AGO));
    }

    /** The same request, declining another invitation of its referrer. */
    public static ReferralRequested onInvitation(ReferralRequested request, String invitationId) {
        return ReferralRequested.newBuilder(request).setInvitationId(invitationId).build();
    }

    public static ReferralRequested request(String jobId, String referrerId, RefereeKind kind, String referee,
                                            Instant requestedAt) {
        return ReferralRequested.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setInvitationId(invitationOf(jobId, referrerId)).setJobId(jobId).setClientId("client-of-" + jobId)
                .setReferrerId(referrerId).setReferee(referee).setRefereeKind(kind)
                .setMessage("Booked this month; they are excellent").setRequestedAt(requestedAt).build();
    }

    /** A referral of the freelancer with this email, as the API publishes it: the fingerprint and its key id. */
    public static ReferralRequested referralByEmail(String jobId, String referrerId, String typedEmail,
                                                    Instant requestedAt) {
        EmailFingerprint fingerprint = FINGERPRINT_KEYS.current(typedEmail);
        return ReferralRequested.newBuilder(request(jobId, referrerId, RefereeKind.EMAIL, fingerprint.value(),
                requestedAt)).setRefereeFingerprintKeyId(fingerprint.keyId()).build();
    }

    public void givenAccount(Account account) {
        send(Topics.ACCOUNTS, account.getAccountId(), account);
        awaitRow("select count(*) from account where account_id = ? and updated_at = ?",
                account.getAccountId(), LedgerTime.column(account.getUpdatedAt()));
    }

    public void givenFreelancers(String... accountIds) {
        for (String accountId : accountIds) {
            givenAccount(freelancer(accountId));
        }
    }

    public void givenJob(Job job) {
        send(Topics.JOBS, job.getJobId(), job);
        awaitRow("select count(*) from job where job_id = ? and updated_at = ?",
                job.getJobId(), LedgerTime.column(job.getUpdatedAt()));
    }

    public void givenOpenPublicJob(String jobId) {
        givenJob(job(jobId, JobVisibility.PUBLIC, JobStatus.OPEN));
    }

    /** Each freelancer invited to the job with {@link #invitationOf their invitation}, as a referrer must be (R1). */
    public void givenInvited(String jobId, String... freelancerIds) {
        for (String freelancerId : freelancerIds) {
            givenActivity(invited(jobId, freelancerId, invitationOf(jobId, freelancerId)));
        }
    }

    /** An open public job, two freelancers, and the referrer invited to the job: what an eligible referral needs. */
    public void givenAnInvitedReferrerAndAReferee(String jobId, String referrerId, String refereeId) {
        givenOpenPublicJob(jobId);
        givenFreelancers(referrerId, refereeId);
        givenInvited(jobId, referrerId);
    }

    public void givenActivity(JobActivity activity) {
        send(Topics.JOB_ACTIVITY, activity.getJobId(), activity);
        awaitRow("select count(*) from job_activity where event_id = ?", activity.getEventId());
    }

    public void givenErased(String accountId) {
        send(Topics.ACCOUNTS, accountId, null);
        awaitRow("select count(*) from account where account_id = ? and erased", accountId);
    }

    public void sendAccount(Account account) {
        send(Topics.ACCOUNTS, account.getAccountId(), account);
    }

    public void sendJob(Job job) {
        send(Topics.JOBS, job.getJobId(), job);
    }

    public void sendActivity(JobActivity activity) {
        send(Topics.JOB_ACTIVITY, activity.getJobId(), activity);
    }

    /** What the referral API publishes: keyed by jobId. */
    public void sendRequest(ReferralRequested request) {
        send(Topics.REFERRAL_REQUESTED, request.getJobId(), request);
    }

    private void send(Topic<String, ?> topic, String key, Object value) {
        try {
            kafka.send(namespace.name(topic), key, value).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic.name(), e);
        }
    }

    private void awaitRow(String countQuery, Object... parameters) {
        await().atMost(PublishedEvents.WAIT).until(() -> jdbc.sql(countQuery).params(parameters)
                .query(Long.class).single() > 0);
    }
}
