package dev.referrals.worker.email;

import dev.referrals.worker.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims an email before it is sent, table {@code email_claims}: one instance at a time holds (referral, role), for
 * {@code referrals.worker.claims.lease}. A claim this instance holds, or one that ran out, is taken; one that another
 * instance holds is not, and the email waits ({@link EmailClaimedElsewhere}) until that instance has sent it (the
 * ledger then says so) or its claim runs out (it died while sending).
 */
@Repository
class EmailClaims {

    /** This process; a restarted worker is another instance, whose earlier claims run out. */
    private final String instance = "worker-" + UUID.randomUUID();
    private final JdbcClient jdbc;
    private final Duration lease;
    private final Clock clock;

    EmailClaims(JdbcClient jdbc, WorkerProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.lease = properties.claims().lease();
        this.clock = clock;
    }

    /**
     * Claims the email for this instance.
     *
     * @throws EmailClaimedElsewhere when another instance holds a claim on it that has not run out
     */
    void claim(ReferralEmail email) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<String> holder = jdbc.sql("""
                        INSERT INTO email_claims (referral_id, role, claimed_by, claimed_until)
                        VALUES (:referralId, :role, :instance, :until)
                        ON CONFLICT (referral_id, role) DO UPDATE
                           SET claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until
                         WHERE email_claims.claimed_by = excluded.claimed_by OR email_claims.claimed_until < :now
                        RETURNING claimed_by
                        """)
                .param("referralId", email.referralId())
                .param("role", email.role().tag())
                .param("instance", instance)
                .param("until", now.plus(lease))
                .param("now", now)
                .query(String.class)
                .optional();
        if (holder.isEmpty()) {
            throw new EmailClaimedElsewhere(email, lease);
        }
    }
}
