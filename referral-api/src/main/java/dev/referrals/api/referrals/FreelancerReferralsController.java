package dev.referrals.api.referrals;

import dev.referrals.api.access.Caller;
import dev.referrals.api.access.ForbiddenException;
import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.paging.Page;
import dev.referrals.api.paging.PageQuery;
import dev.referrals.api.problem.FieldViolation;
import dev.referrals.api.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/freelancers/{id}/referrals?role=referrer|referee}: the Referrals view (R11). */
@RestController
@Tag(name = "Referrals")
public class FreelancerReferralsController {

    static final String ROLE = "role";

    private final FreelancerReferralsQuery query;
    private final ReferralApiProperties.Paging paging;

    FreelancerReferralsController(FreelancerReferralsQuery query, ReferralApiProperties properties) {
        this.query = query;
        this.paging = properties.paging();
    }

    @GetMapping(path = "/api/v1/freelancers/{id}/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The referrals a freelancer gave (role=referrer) or received (role=referee), newest first")
    @ApiResponse(responseCode = "200", description = "One page of referrals")
    @ApiResponse(responseCode = "400", description = "Missing or unknown role, or a bad page or size",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "A user asking for another freelancer's view",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public Page<ReferralItem> referrals(
            @PathVariable String id,
            @Parameter(schema = @Schema(allowableValues = {"referrer", "referee"}), required = true)
            @RequestParam(name = ROLE, required = false) String role,
            @Parameter(description = "Zero-based page number") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size") @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) Caller caller) {
        if (!caller.mayReadFor(id)) {
            throw new ForbiddenException("A user reads only their own Referrals views.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        Optional<ReferralRole> parsedRole = ReferralRole.parse(role);
        if (parsedRole.isEmpty()) {
            violations.add(new FieldViolation(ROLE, "must be "
                    + ReferralRole.REFERRER.parameterValue() + " or " + ReferralRole.REFEREE.parameterValue()));
        }
        PageQuery pageQuery = PageQuery.of(page, size, paging, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return parsedRole.get() == ReferralRole.REFERRER
                ? query.given(id, pageQuery)
                : query.received(id, pageQuery);
    }
}
