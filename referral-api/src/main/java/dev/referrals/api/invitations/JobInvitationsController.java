package dev.referrals.api.invitations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/jobs/{jobId}/invitations}: the client's view of who was invited, and how (R12). */
@RestController
@Tag(name = "Invitations")
public class JobInvitationsController {

    private final JobInvitationsQuery query;

    JobInvitationsController(JobInvitationsQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/api/v1/jobs/{jobId}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every invitation the pipeline knows for the job: DIRECT or REFERRAL, with the referrer "
            + "and message of a referral")
    @ApiResponse(responseCode = "200", description = "The invitations; an unknown job has none")
    public JobInvitations invitations(@PathVariable String jobId) {
        return new JobInvitations(jobId, query.of(jobId));
    }
}
