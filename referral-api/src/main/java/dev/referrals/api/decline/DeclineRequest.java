package dev.referrals.api.decline;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /api/v1/invitations/{invitationId}/decline}, as sent. Unknown properties are refused.
 * The ids (in the format of {@link dev.referrals.api.input.Ids}), lengths and characters of the texts, the reason
 * symbol and the referee are checked by {@link DeclineValidator}, which reports every bad field at once.
 */
@Schema(description = "A freelancer declines a client's job invitation, optionally referring another freelancer.")
public record DeclineRequest(
        @Schema(description = "Upstream id of the job.", example = "job-42",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String jobId,
        @Schema(description = "Account id of the client who sent the invitation.", example = "client-7",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String clientId,
        @Schema(description = "Account id of the freelancer who declines.", example = "freelancer-1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String freelancerId,
        @Schema(description = "Why the freelancer declines; absent means not given.",
                allowableValues = {"TOO_BUSY", "NOT_A_FIT", "BUDGET_TOO_LOW", "OTHER"}, nullable = true)
        String reason,
        @Schema(description = "Free text added to the reason (at most referrals.api.reason-text-max-length "
                + "characters).",
                nullable = true)
        String reasonText,
        @Schema(description = "The freelancer referred instead, if any.", nullable = true)
        @Valid Referral referral) {

    /** The referred freelancer and the referrer's message to the client. */
    @Schema(name = "DeclineReferral",
            description = "A referral of another freelancer who is already on the marketplace.")
    public record Referral(
            @Schema(description = "Profile URL (https://marketplace.example/freelancers/<name>) or account email.",
                    example = "https://marketplace.example/freelancers/ana-lima",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank String freelancer,
            @Schema(description = "Message to the client (at most referrals.api.message-max-length characters).",
                    nullable = true)
            String message) {
    }
}
