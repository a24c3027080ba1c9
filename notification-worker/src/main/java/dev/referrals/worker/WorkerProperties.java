package dev.referrals.worker;

import dev.referrals.worker.email.MessageId;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code referrals.worker}; each one is described in the module's README.
 *
 * @param links     where the links in the emails point
 * @param mail      the sender and the Message-ID of every email
 * @param lateFacts how long a referral waits for contacts and jobs the directory does not know yet
 * @param claims    how long an instance holds its claim on an email it sends
 */
@ConfigurationProperties("referrals.worker")
public record WorkerProperties(
        @DefaultValue Links links,
        @DefaultValue Mail mail,
        @DefaultValue LateFacts lateFacts,
        @DefaultValue Claims claims) {

    /** @param baseUrl the marketplace's web address; every link in an email starts with it */
    public record Links(@DefaultValue("http://localhost:8080") URI baseUrl) {

        public Links {
            if (!baseUrl.isAbsolute()) {
                throw new IllegalArgumentException("referrals.worker.links.base-url must be absolute: " + baseUrl);
            }
        }
    }

    /**
     * @param from            the From address, with an optional display name: {@code Name <address>}
     * @param messageIdDomain the right-hand side of every Message-ID, {@code <referralId.role@domain>}
     */
    public record Mail(
            @DefaultValue("Marketplace referrals <no-reply@referrals.localhost>") String from,
            @DefaultValue("referrals.localhost") String messageIdDomain) {

        public Mail {
            MessageId.requireValidDomain(messageIdDomain);
        }
    }

    /**
     * @param gracePeriod   how long a referral waits for a contact or job the directory does not know yet, counted
     *                      from its createdAt or from when this worker first saw it, whichever is later
     * @param retryInterval how often a waiting referral looks again
     */
    public record LateFacts(
            @DefaultValue("30s") Duration gracePeriod,
            @DefaultValue("1s") Duration retryInterval) {

        public LateFacts {
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("referrals.worker.late-facts.grace-period must not be negative");
            }
            if (retryInterval.isNegative() || retryInterval.isZero()) {
                throw new IllegalArgumentException("referrals.worker.late-facts.retry-interval must be positive");
            }
        }
    }

    /**
     * @param lease how long an instance's claim on an email lasts: well above the longest send (the SMTP timeouts),
     *              since another instance takes a claim over once it has run out
     */
    public record Claims(@DefaultValue("1m") Duration lease) {

        public Claims {
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("referrals.worker.claims.lease must be positive");
            }
        }
    }
}
