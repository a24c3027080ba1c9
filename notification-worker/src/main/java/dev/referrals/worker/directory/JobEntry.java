package dev.referrals.worker.directory;

/**
 * What the worker knows about a job: its client, whom the client's email goes to, and its title, shown in emails.
 *
 * @param jobId    upstream job id
 * @param clientId account id of the client who posted it: the only client a referral on this job is emailed to
 * @param title    the job title, as upstream wrote it
 */
public record JobEntry(String jobId, String clientId, String title) {
}
