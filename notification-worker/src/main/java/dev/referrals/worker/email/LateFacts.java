package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The grace period of a referral whose contacts or job the directory does not know yet (I6): the directory may lag
 * behind the processor, so a missing fact is waited for, but only for a bounded time.
 *
 * <p>The grace period runs from the referral's createdAt or from when this worker first tried it, whichever is later.
 * Counting only from createdAt would skip every such email at once after an outage of the worker, exactly when its
 * directory is still catching up with the backlog.
 */
@Component
class LateFacts {

    /**
     * The referrals being waited for. A listener thread stays on its failing record, so this holds about one entry
     * per consumer thread; the bound only stops a leak of entries whose record went to another instance.
     */
    private static final int MAX_TRACKED_REFERRALS = 1_000;

    private final Duration gracePeriod;
    private final Clock clock;
    private final Map<String, Instant> firstTried = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_TRACKED_REFERRALS;
        }
    };

    @Autowired
    LateFacts(WorkerProperties properties, Clock clock) {
        this(properties.lateFacts().gracePeriod(), clock);
    }

    LateFacts(Duration gracePeriod, Clock clock) {
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    /** When the waiting for this referral's missing facts ends; the first call starts its clock. */
    synchronized Instant deadline(ReferralCreated referral) {
        Instant tried = firstTried.computeIfAbsent(referral.getReferralId(), id -> clock.instant());
        Instant start = referral.getCreatedAt().isAfter(tried) ? referral.getCreatedAt() : tried;
        return start.plus(gracePeriod);
    }

    boolean isOver(Instant deadline) {
        return !clock.instant().isBefore(deadline);
    }

    /** The referral is done: nothing more to wait for. */
    synchronized void forget(String referralId) {
        firstTried.remove(referralId);
    }
}
