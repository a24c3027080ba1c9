package dev.referrals.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code referrals.api}. Their defaults are in {@code application.yml}; every one is documented in
 * the module's README.
 *
 * @param maxBodySize         largest request body; a larger one is answered 413 without being read further
 * @param messageMaxLength    longest referral message, in characters (code points)
 * @param reasonTextMaxLength longest free text added to the decline reason, in characters (code points)
 * @param referee             what a referee may look like
 * @param publishTimeout      how long a decline may wait for Kafka before it is answered 503
 * @param retryAfter          the {@code Retry-After} of a 503 (Kafka or the database unreachable), in whole seconds
 * @param transactionIdPrefix start of the transactional id of the decline producers; each instance appends a
 *                            random UUID, so that two instances never share (and fence) a transactional id
 * @param idempotency         how Idempotency-Keys are kept
 * @param paging              page sizes of the list views
 * @param rateLimit           per-caller limits on declines and searches
 * @param search              what a search must look like
 */
@ConfigurationProperties("referrals.api")
@Validated
public record ReferralApiProperties(
        @NotNull DataSize maxBodySize,
        @Positive int messageMaxLength,
        @Positive int reasonTextMaxLength,
        @NotNull @Valid Referee referee,
        @NotNull Duration publishTimeout,
        @NotNull Duration retryAfter,
        @NotNull String transactionIdPrefix,
        @NotNull @Valid Idempotency idempotency,
        @NotNull @Valid Paging paging,
        @NotNull @Valid RateLimit rateLimit,
        @NotNull @Valid Search search) {

    /**
     * A referee named by profile URL must be on one of these hosts (an optional leading {@code www.} is allowed,
     * case does not matter) with a path matching the pattern. The URL is never fetched.
     *
     * @param maxLength          longest referee text (URL or email) accepted, in characters
     * @param profileHosts       hosts of the marketplace's public profiles
     * @param profilePathPattern regular expression the whole URL path must match
     */
    public record Referee(
            @Positive int maxLength,
            @NotEmpty List<String> profileHosts,
            @NotNull Pattern profilePathPattern) {
    }

    /**
     * @param retention       how long a key and its answer are kept
     * @param cleanupInterval how often expired keys are deleted
     * @param cleanupBatch    how many expired keys one delete statement removes, so a cleanup never holds long locks
     * @param inFlightWait    how long a request waits for an earlier request with the same key to finish before it
     *                        is answered 409
     * @param keyMaxLength    longest accepted key
     */
    public record Idempotency(
            @NotNull Duration retention,
            @NotNull Duration cleanupInterval,
            @Positive int cleanupBatch,
            @NotNull Duration inFlightWait,
            @Positive int keyMaxLength) {
    }

    /**
     * @param defaultSize page size when none is asked for
     * @param maxSize     largest page size a caller may ask for
     */
    public record Paging(
            @Positive int defaultSize,
            @Positive int maxSize) {
    }

    /**
     * Permits per caller and period; a caller over them is answered 429 with {@code Retry-After}.
     *
     * @param period          how often a caller's permits are renewed
     * @param userDeclines    declines a user may send per period
     * @param userSearches    searches a user may send per period
     * @param serviceDeclines declines a trusted service may send per period, for all the users it acts for
     * @param serviceSearches searches a trusted service may send per period
     * @param maxCallers      callers whose limits are kept at once; the least recently seen are forgotten first
     */
    public record RateLimit(
            @NotNull Duration period,
            @Positive int userDeclines,
            @Positive int userSearches,
            @Positive int serviceDeclines,
            @Positive int serviceSearches,
            @Positive int maxCallers) {
    }

    /**
     * @param queryMinLength shortest search text, so that nobody lists the whole directory with one letter
     * @param queryMaxLength longest search text {@code q}, in characters (code points)
     */
    public record Search(
            @Positive int queryMinLength,
            @Positive int queryMaxLength) {
    }
}
