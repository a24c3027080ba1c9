package dev.referrals.api.referrals;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One line of a freelancer's Referrals view (R11).
 *
 * @param referralId null while the request is PENDING or when it was REJECTED
 * @param refereeId  null until the processor resolved the referee (CREATED)
 * @param status     PENDING, REJECTED, INVITED, ACCEPTED or DECLINED
 * @param reason     with REJECTED only
 * @param message    the referrer's message to the client; shown to the referrer only
 * @param createdAt  when the referral was requested (or created, if the request is not known yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A referral given or received, with its status.")
public record ReferralItem(
        String requestId,
        @Schema(nullable = true) String referralId,
        String jobId,
        String referrerId,
        @Schema(nullable = true) String refereeId,
        @Schema(allowableValues = {"PENDING", "REJECTED", "INVITED", "ACCEPTED", "DECLINED"}) String status,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String message,
        Instant createdAt) {
}
