package dev.referrals.worker;

import dev.referrals.events.ReferralCreated;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as upstream and the processor publish them, with unique ids so that tests never see each other's. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** An address of its own per test: the mail sink is shared by every test of the JVM. */
    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.test";
    }

    public static Account freelancer(String accountId, String displayName, String email, Instant updatedAt) {
        return account(accountId, AccountKind.FREELANCER, displayName, email, updatedAt);
    }

    public static Account client(String accountId, String displayName, String email, Instant updatedAt) {
        return account(accountId, AccountKind.CLIENT, displayName, email, updatedAt);
    }

    private static Account account(String accountId, AccountKind kind, String displayName, String email,
            Instant updatedAt) {
        return Account.newBuilder()
                .setAccountId(accountId)
                .setKind(kind)
                .setDisplayName(displayName)
                .setEmail(email)
                .setProfileUrl(kind == AccountKind.FREELANCER ? "https://marketplace.example/freelancers/" + accountId
                        : null)
                .setStatus(AccountStatus.ACTIVE)
                .setUpdatedAt(millis(updatedAt))
                .build();
    }

    public static Job job(String jobId, String clientId, String title, Instant updatedAt) {
        return Job.newBuilder()
                .setJobId(jobId)
                .setClientId(clientId)
                .setTitle(title)
                .setVisibility(JobVisibility.PUBLIC)
                .setStatus(JobStatus.OPEN)
                .setUpdatedAt(millis(updatedAt))
                .build();
    }

    public static ReferralCreated referral(String jobId, String clientId, String referrerId, String refereeId,
            String message) {
        return ReferralCreated.newBuilder()
                .setReferralId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString())
                .setInvitationId(uniqueId("invitation"))
                .setJobId(jobId)
                .setClientId(clientId)
                .setReferrerId(referrerId)
                .setRefereeId(refereeId)
                .setMessage(message)
                .setCreatedAt(millis(Instant.now()))
                .build();
    }

    /** Avro timestamp-millis keeps milliseconds; so do the tests, so that a round trip compares equal. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
