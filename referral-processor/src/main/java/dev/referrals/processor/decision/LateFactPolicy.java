package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.ProcessorProperties;
import dev.referrals.processor.ledger.LedgerProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Facts may arrive late (I6): a request can name a job, a referee or an invitation before the upstream event that
 * makes them known. Until {@code requestedAt + grace period}, such a request is not decided; it is retried, and its
 * partition waits. Afterwards it is decided with what is known (JOB_NOT_FOUND, REFEREE_NOT_FOUND or
 * REFERRER_NOT_INVITED), but only once the ledger has read every fact published before the grace period ended
 * ({@link LedgerProgress}): in a backlog the missing fact may be in its topic, unread, and waiting for it avoids a
 * wrong rejection.
 *
 * <p>A referee name that can never match (an unknown kind, text that is no URL) is not waited for.
 */
@Component
public class LateFactPolicy {

    private final Duration gracePeriod;
    private final LedgerProgress ledger;

    public LateFactPolicy(ProcessorProperties properties, LedgerProgress ledger) {
        this.gracePeriod = properties.lateFacts().gracePeriod();
        this.ledger = ledger;
    }

    /** What the request still waits for at {@code now}, within its grace period; empty once that is over. */
    public Optional<String> awaitedFacts(ReferralRequested request, LedgerFacts facts, Instant now) {
        if (!now.isBefore(deadline(request))) {
            return Optional.empty();
        }
        return missingFacts(request, facts);
    }

    /**
     * What the request still waits for once its grace period is over, because the ledger has not read every fact
     * published before it ended (a backlog); empty when the request is to be decided with what is known.
     */
    public Optional<String> awaitedBehindTheLedger(ReferralRequested request, LedgerFacts facts) {
        Optional<String> missing = missingFacts(request, facts);
        if (missing.isEmpty() || ledger.hasRead(deadline(request))) {
            return Optional.empty();
        }
        return missing;
    }

    private static Optional<String> missingFacts(ReferralRequested request, LedgerFacts facts) {
        List<String> awaited = new ArrayList<>();
        if (facts.job(request.getJobId()).isEmpty()) {
            awaited.add("job " + request.getJobId());
        }
        if (RefereeName.of(request).isPresent() && facts.referee(request).isEmpty()) {
            awaited.add("an account matching the " + request.getRefereeKind() + " referee");
        }
        if (!facts.holdsInvitation(request)) {
            awaited.add("invitation " + request.getInvitationId() + " of " + request.getReferrerId());
        }
        return awaited.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", awaited));
    }

    /** Until when the request waits for late facts. */
    public Instant deadline(ReferralRequested request) {
        return request.getRequestedAt().plus(gracePeriod);
    }
}
