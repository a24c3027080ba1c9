package dev.referrals.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** A freelancer a referrer may refer: never their email. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An active freelancer on the marketplace.")
public record FreelancerSummary(
        String accountId,
        String displayName,
        @Schema(nullable = true) String profileUrl) {
}
