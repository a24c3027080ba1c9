package dev.referrals.worker.email;

import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One email of one referral, with every fact it shows, ready to render and send.
 *
 * <p>A null name or title is a fact the directory does not have (not yet known after the grace period, or erased);
 * the templates word the sentence without it.
 *
 * @param referralId         the referral
 * @param role               whom it goes to
 * @param messageId          deterministic, from the referral and the role
 * @param recipientAccountId the account it goes to
 * @param recipient          the address, with the recipient's display name
 * @param recipientName      the recipient's display name, for the greeting
 * @param referrerName       the referrer's display name, or null
 * @param refereeName        the referee's display name, or null
 * @param jobTitle           the job's title, or null
 * @param message            the referrer's message, as typed (plain text, not escaped), or null
 * @param link               where the email points, under the configured base URL
 * @param createdAt          when the referral was decided
 * @param neutralFacts       the facts left out of the wording
 */
public record ReferralEmail(
        String referralId,
        Role role,
        MessageId messageId,
        String recipientAccountId,
        InternetAddress recipient,
        String recipientName,
        String referrerName,
        String refereeName,
        String jobTitle,
        String message,
        URI link,
        Instant createdAt,
        Set<Fact> neutralFacts) {

    public ReferralEmail {
        neutralFacts = Set.copyOf(neutralFacts);
    }

    /** What the templates see. Null values stay null, so that templates can tell a missing fact. */
    Map<String, Object> templateVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("recipientName", recipientName);
        variables.put("referrerName", referrerName);
        variables.put("refereeName", refereeName);
        variables.put("jobTitle", jobTitle);
        variables.put("message", message == null || message.isBlank() ? null : message);
        variables.put("link", link.toString());
        return variables;
    }
}
