package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;
import dev.referrals.platform.failure.DependencyUnavailableException;
import dev.referrals.worker.directory.ContactDirectory;
import dev.referrals.worker.directory.JobEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two emails of a created referral, one per {@link Role}, each sent at most once (I4).
 *
 * <p>For each role: an email already in the ledger is not sent again; otherwise it is drafted from the contact
 * directory, sent, and then recorded. Each role is recorded on its own, so when the second email fails, a retry does
 * not send the first one again. A crash between sending and recording repeats that one email, with the same
 * Message-ID; nothing is ever lost, because the referral is only done once both roles are sent or skipped.
 */
@Component
public class ReferralEmails {

    private static final Logger log = LoggerFactory.getLogger(ReferralEmails.class);

    private final ContactDirectory directory;
    private final SentEmails ledger;
    private final EmailClaims claims;
    private final EmailDrafts drafts;
    private final EmailRenderer renderer;
    private final EmailSender sender;
    private final LateFacts lateFacts;
    private final EmailMetrics metrics;
    private final Clock clock;

    ReferralEmails(ContactDirectory directory, SentEmails ledger, EmailClaims claims, EmailDrafts drafts,
            EmailRenderer renderer, EmailSender sender, LateFacts lateFacts, EmailMetrics metrics, Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.claims = claims;
        this.drafts = drafts;
        this.renderer = renderer;
        this.sender = sender;
        this.lateFacts = lateFacts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Sends or skips each email of the referral that is not sent yet.
     *
     * @throws FactsNotYetKnown when an email waits for a late fact within its grace period (retried)
     * @throws EmailNotAccepted when the SMTP server refused an email for good (dead-lettered at once)
     * @throws DependencyUnavailableException when the SMTP server did not take an email (retried without limit)
     * @throws EmailClaimedElsewhere when another instance is sending an email of the referral (retried until it has)
     */
    public void handle(ReferralCreated referral) {
        handle(referral, Optional.empty());
    }

    /**
     * As {@link #handle(ReferralCreated)}, knowing when the referral was requested (the processor's
     * {@code referrals-requested-at} header), for the end-to-end latency.
     */
    public void handle(ReferralCreated referral, Optional<Instant> requestedAt) {
        Set<Role> alreadySent = ledger.sentRoles(referral.getReferralId());
        alreadySent.forEach(role -> {
            metrics.alreadySent(role);
            log.info("The {} email was already sent; not sending it again", role.tag());
        });
        List<Role> pending = Arrays.stream(Role.values()).filter(role -> !alreadySent.contains(role)).toList();
        if (pending.isEmpty()) {
            lateFacts.forget(referral.getReferralId());
            return;
        }

        ReferralFacts facts = facts(referral);
        Instant deadline = lateFacts.deadline(referral);
        boolean gracePeriodOver = lateFacts.isOver(deadline);
        Map<Role, Set<Fact>> waiting = new EnumMap<>(Role.class);
        for (Role role : pending) {
            Draft draft = drafts.draft(referral, role, facts, gracePeriodOver);
            if (draft instanceof Draft.Ready ready) {
                send(ready.email(), requestedAt);
            } else if (draft instanceof Draft.Skip skip) {
                skip(role, skip.reason());
            } else if (draft instanceof Draft.Wait wait) {
                metrics.deferred(role);
                waiting.put(role, wait.missing());
            }
        }
        if (!waiting.isEmpty()) {
            FactsNotYetKnown late = new FactsNotYetKnown(referral.getReferralId(), waiting, deadline);
            log.info("Waiting for late facts: {}", late.getMessage());
            throw late;
        }
        lateFacts.forget(referral.getReferralId());
    }

    /**
     * The contacts and the job of the referral. The client is the job's client in this worker's directory: the
     * event's clientId is never an address to write to.
     */
    private ReferralFacts facts(ReferralCreated referral) {
        Optional<JobEntry> job = directory.job(referral.getJobId());
        List<String> people = new ArrayList<>(List.of(referral.getRefereeId(), referral.getReferrerId()));
        job.map(JobEntry::clientId).ifPresent(people::add);
        job.map(JobEntry::clientId).filter(owner -> !owner.equals(referral.getClientId())).ifPresent(owner ->
                log.warn("The referral names client {}, but job {} belongs to client {}: only the job's client is "
                        + "emailed", referral.getClientId(), referral.getJobId(), owner));
        return new ReferralFacts(directory.contacts(people), job);
    }

    private void send(ReferralEmail email, Optional<Instant> requestedAt) {
        RenderedEmail content = renderer.render(email);
        try {
            claims.claim(email);
        } catch (EmailClaimedElsewhere e) {
            metrics.claimedElsewhere(email.role());
            log.info("{}", e.getMessage());
            throw e;
        }
        try {
            sender.send(email, content);
        } catch (EmailNotAccepted e) {
            metrics.failed(email.role());
            log.warn("{} (dead-lettered with this reason)", e.getMessage());
            throw e;
        } catch (DependencyUnavailableException e) {
            metrics.failed(email.role());
            // The error handler logs a retry without its cause; this line says why, once per attempt.
            log.warn("{} (retried until the server takes it)", e.getMessage());
            throw e;
        }
        // Counted as sent before it is recorded: the server has it, even if recording fails and a retry repeats it.
        Instant acceptedAt = clock.instant();
        metrics.sent(email.role(), Duration.between(email.createdAt(), acceptedAt));
        requestedAt.ifPresent(requested -> metrics.endToEnd(email.role(), Duration.between(requested, acceptedAt)));
        email.neutralFacts().forEach(fact -> metrics.neutralWording(email.role(), fact));
        ledger.record(email, acceptedAt);
        if (email.neutralFacts().isEmpty()) {
            log.info("Sent the {} email {} to account {}", email.role().tag(), email.messageId(),
                    email.recipientAccountId());
        } else {
            log.warn("Sent the {} email {} to account {} without the unknown or erased {}", email.role().tag(),
                    email.messageId(), email.recipientAccountId(),
                    email.neutralFacts().stream().map(Fact::tag).sorted().toList());
        }
    }

    private void skip(Role role, SkipReason reason) {
        metrics.skipped(role, reason);
        log.warn("Skipped the {} email: its recipient is {}", role.tag(), switch (reason) {
            case ERASED -> "erased";
            case UNKNOWN -> "still unknown after the grace period";
            case INVALID_ADDRESS -> "known only by an invalid email address";
        });
    }
}
