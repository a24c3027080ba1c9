package dev.referrals.api.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.referrals.api.readmodel.RequestStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Where a referral request stands.
 *
 * @param referralId  with CREATED only
 * @param reason      with REJECTED only: the eligibility rule that failed
 * @param requestedAt absent only while a decision is known before its request
 * @param decidedAt   with CREATED and REJECTED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A referral request: PENDING, CREATED (with referralId) or REJECTED (with reason).")
public record ReferralRequestView(
        String requestId,
        String jobId,
        String referrerId,
        RequestStatus status,
        @Schema(nullable = true) String referralId,
        @Schema(nullable = true, example = "REFEREE_ALREADY_PROPOSED") String reason,
        @Schema(nullable = true) Instant requestedAt,
        @Schema(nullable = true) Instant decidedAt) {
}
