package dev.referrals.api.decline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The 202 answer to a decline. Without a referral, {@code requestId} and {@code status} are null and there is no
 * status link.
 */
@Schema(description = "A decline was published; a referral, if any, waits for the processor's decision.")
public record DeclineAccepted(
        @Schema(description = "eventId of the published InviteDeclined.") String eventId,
        @Schema(description = "The declined invitation.") String invitationId,
        @Schema(description = "requestId of the published ReferralRequested, or null without a referral.",
                nullable = true) String requestId,
        @Schema(description = "PENDING with a referral, null without.", nullable = true) String status,
        @Schema(description = "status: where the referral request's decision can be read.") Map<String, String> links) {

    static final String PENDING = "PENDING";
    static final String STATUS_LINK = "status";

    static DeclineAccepted of(Decline decline, DeclineIds ids) {
        if (ids.requestId() == null) {
            return new DeclineAccepted(ids.eventId(), decline.invitationId(), null, null, Map.of());
        }
        return new DeclineAccepted(ids.eventId(), decline.invitationId(), ids.requestId(), PENDING,
                Map.of(STATUS_LINK, statusPath(ids.requestId())));
    }

    static String statusPath(String requestId) {
        return "/api/v1/referral-requests/" + requestId;
    }

    String statusLink() {
        return links.get(STATUS_LINK);
    }
}
