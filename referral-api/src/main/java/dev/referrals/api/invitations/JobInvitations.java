package dev.referrals.api.invitations;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every invitation the pipeline knows for a job, in the order it learnt of them. */
@Schema(description = "The invitations of a job; empty when the pipeline knows none.")
public record JobInvitations(String jobId, List<JobInvitation> items) {
}
