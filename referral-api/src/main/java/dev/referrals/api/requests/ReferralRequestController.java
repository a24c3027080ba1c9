package dev.referrals.api.requests;

import dev.referrals.api.access.Caller;
import dev.referrals.api.access.ForbiddenException;
import dev.referrals.api.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/referral-requests/{requestId}}: the status link of a decline with a referral. */
@RestController
@Tag(name = "Referral requests")
public class ReferralRequestController {

    private final ReferralRequestQuery query;

    ReferralRequestController(ReferralRequestQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/api/v1/referral-requests/{requestId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where a referral request stands: PENDING, CREATED or REJECTED")
    @ApiResponse(responseCode = "200", description = "The request")
    @ApiResponse(responseCode = "404", description = "No such request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "A user asking for another referrer's request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ReferralRequestView status(@PathVariable String requestId, @Parameter(hidden = true) Caller caller) {
        ReferralRequestView view = query.find(requestId)
                .orElseThrow(() -> new NotFoundException("No referral request " + requestId + " is known."));
        if (!caller.mayReadFor(view.referrerId())) {
            throw new ForbiddenException("A user reads only the status of their own referral requests.");
        }
        return view;
    }
}
