package dev.referrals.api.search;

import dev.referrals.api.access.Caller;
import dev.referrals.api.access.RateLimits;
import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.input.FreeText;
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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/freelancers?q=}: the referrer's search for a freelancer to refer (R14). */
@RestController
@Tag(name = "Freelancer search")
public class FreelancerSearchController {

    static final String QUERY = "q";

    private final FreelancerSearchQuery query;
    private final ReferralApiProperties.Paging paging;
    private final int queryMinLength;
    private final int queryMaxLength;
    private final RateLimits rateLimits;

    FreelancerSearchController(FreelancerSearchQuery query, ReferralApiProperties properties,
                               RateLimits rateLimits) {
        this.query = query;
        this.paging = properties.paging();
        this.queryMinLength = properties.search().queryMinLength();
        this.queryMaxLength = properties.search().queryMaxLength();
        this.rateLimits = rateLimits;
    }

    @GetMapping(path = "/api/v1/freelancers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Active freelancers whose name or profile URL contains q (any case), by name")
    @ApiResponse(responseCode = "200", description = "One page of freelancers")
    @ApiResponse(responseCode = "400", description = "Missing or too short q, or a bad page or size",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many searches from this caller; see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public Page<FreelancerSummary> search(
            @Parameter(description = "Text to look for", required = true)
            @RequestParam(name = QUERY, required = false) String q,
            @Parameter(description = "Zero-based page number") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size") @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) Caller caller) {
        rateLimits.search(caller);
        List<FieldViolation> violations = new ArrayList<>();
        if (q == null || q.trim().codePointCount(0, q.trim().length()) < queryMinLength) {
            violations.add(new FieldViolation(QUERY, "is required, at least %d characters".formatted(queryMinLength)));
        } else if (q.codePointCount(0, q.length()) > queryMaxLength) {
            violations.add(new FieldViolation(QUERY, "must be at most %d characters".formatted(queryMaxLength)));
        } else {
            FreeText.check(QUERY, q, violations);
        }
        PageQuery pageQuery = PageQuery.of(page, size, paging, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return query.search(q.trim(), pageQuery);
    }
}
