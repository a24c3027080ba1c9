package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.ProcessorProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Facts may arrive late (I6): a request can name a job, a referee or an invitation before the upstream event that
 * makes them known. Until {@code requestedAt + grace period}, such a request is not decided; it is retried, and its
 * partition waits. Afterwards it is decided with what is known: JOB_NOT_FOUND, REFEREE_NOT_FOUND or
 * REFERRER_NOT_INVITED.
 *
 * <p>A referee name that can never match (an unknown kind, text that is no URL) is not waited for.
 */
@Component
public class LateFactPolicy {

    private final Duration gracePeriod;

    public LateFactPolicy(ProcessorProperties properties) {
        this.gracePeriod = properties.lateFacts().gracePeriod();
    }

    /** What the request still waits for at {@code now}, or empty when it is to be decided now. */
    public Optional<String> awaitedFacts(ReferralRequested request, LedgerFacts facts, Instant now) {
        if (!now.isBefore(deadline(request))) {
            return Optional.empty();
        }
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
