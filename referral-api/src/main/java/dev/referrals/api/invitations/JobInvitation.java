package dev.referrals.api.invitations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.referrals.api.readmodel.InvitationSource;
import dev.referrals.api.readmodel.InvitationStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One freelancer invited to a job, and how (R12).
 *
 * @param invitationId upstream id, when the pipeline has seen it
 * @param referralId   with REFERRAL
 * @param referrerId   with REFERRAL: who referred the freelancer
 * @param message      with REFERRAL: the referrer's message to the client, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A freelancer invited to the job, directly or by a referral.")
public record JobInvitation(
        String freelancerId,
        @Schema(nullable = true) String invitationId,
        InvitationSource source,
        @Schema(nullable = true) String referralId,
        @Schema(nullable = true) String referrerId,
        @Schema(nullable = true) String message,
        InvitationStatus status) {
}
