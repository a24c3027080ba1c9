package dev.referrals.api.invitations;

import dev.referrals.api.access.Caller;
import dev.referrals.api.access.ForbiddenException;
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

/** {@code GET /api/v1/jobs/{jobId}/invitations}: the client's view of who was invited, and how (R12). */
@RestController
@Tag(name = "Invitations")
public class JobInvitationsController {

    private final JobInvitationsQuery query;
    private final JobClients jobClients;

    JobInvitationsController(JobInvitationsQuery query, JobClients jobClients) {
        this.query = query;
        this.jobClients = jobClients;
    }

    @GetMapping(path = "/api/v1/jobs/{jobId}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every invitation the pipeline knows for the job: DIRECT or REFERRAL, with the referrer "
            + "and message of a referral")
    @ApiResponse(responseCode = "200", description = "The invitations; a job without any has none")
    @ApiResponse(responseCode = "403", description = "The caller is not the job's client, or the job is not known "
            + "yet, and has no read scope",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public JobInvitations invitations(@PathVariable String jobId, @Parameter(hidden = true) Caller caller) {
        if (!caller.isReader() && !jobClients.clientOf(jobId).filter(caller.subject()::equals).isPresent()) {
            throw new ForbiddenException("Only the job's client lists its invitations.");
        }
        return new JobInvitations(jobId, query.of(jobId));
    }
}
