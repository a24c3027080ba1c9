package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.ProcessorProperties;
import dev.referrals.processor.decision.LedgerFacts.InvitationOnJob;
import dev.referrals.processor.decision.LedgerFacts.Referral;
import dev.referrals.processor.eligibility.Decision;
import dev.referrals.processor.eligibility.EligibilityRules;
import dev.referrals.processor.events.EventPublisher;
import dev.referrals.processor.tracing.RequestTraces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Decides referral requests, exactly once each (I2), and publishes their outcomes.
 *
 * <p>For a list of requests, in order:
 * <ol>
 *   <li>A request already decided is not decided again: its stored decision is republished, with identical content
 *       (same referralId, same timestamps). This is what a redelivery after a crash or a rebalance gets.</li>
 *   <li>Otherwise its facts are read from the ledger (for the whole list at once), the late-facts policy may hold it
 *       back (I6), and {@link EligibilityRules#decide} decides it. A later request of the same list sees the
 *       referrals created, and the invitations declined, before it.</li>
 *   <li>All new decisions, a referral row for each created one and a row for each invitation declined, are written
 *       in one transaction. A unique violation means a concurrent decision won the place on the job, the
 *       invitation, or the request itself (I1): everything is rolled back and decided again in a fresh
 *       transaction, where the rules see the winner and reject.</li>
 *   <li>Only after the commit are the outcomes published, and this returns once the broker acknowledged them all,
 *       so the offsets are committed after that, and the decisions are marked published. A crash in between means a
 *       redelivery, which republishes; a record dead-lettered after the commit leaves its decision unpublished, and
 *       {@link DecisionSweeper} publishes it.</li>
 * </ol>
 */
@Component
public class ReferralDecisions {

    private static final Logger log = LoggerFactory.getLogger(ReferralDecisions.class);

    static final String MDC_REQUEST_ID = "requestId";
    static final String MDC_REFERRAL_ID = "referralId";

    private final DecisionStore store;
    private final SnapshotSource snapshots;
    private final LateFactPolicy lateFacts;
    private final EventPublisher publisher;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final DecisionMetrics metrics;
    private final int conflictRetries;

    ReferralDecisions(DecisionStore store, SnapshotSource snapshots, LateFactPolicy lateFacts,
                      EventPublisher publisher, TransactionOperations transactions, Clock clock,
                      DecisionMetrics metrics, ProcessorProperties properties) {
        this.store = store;
        this.snapshots = snapshots;
        this.lateFacts = lateFacts;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
        this.conflictRetries = properties.decisions().conflictRetries();
    }

    /**
     * Decides the requests in order and publishes each one's outcome, returning once the broker acknowledged all.
     *
     * @return the decision of each request, in order
     * @throws LateFactsPendingException for the first request that waits for late facts: the ones before it are
     *                                   decided and published, none after it; its position says which
     */
    public List<ReferralDecision> decide(List<ReferralRequested> requests) {
        return decide(requests, RequestTraces.none());
    }

    /**
     * As {@link #decide(List)}, with each decision logged and published in the trace of the request that asked
     * for it.
     */
    public List<ReferralDecision> decide(List<ReferralRequested> requests, RequestTraces traces) {
        long started = System.nanoTime();
        Round round = decideRetryingConflicts(requests);
        long decided = System.nanoTime();
        publisher.publishAll(round.decisions().stream().map(ReferralDecision::outcomeEvent).toList(), traces);
        store.markPublished(round.decisions().stream().map(ReferralDecision::requestId).toList(), clock.instant());
        if (log.isDebugEnabled()) {
            log.debug("Batch of {}: decided and stored in {} ms, published in {} ms", requests.size(),
                    Duration.ofNanos(decided - started).toMillis(),
                    Duration.ofNanos(System.nanoTime() - decided).toMillis());
        }
        round.fresh().forEach(fresh -> traces.run(fresh.decision().requestId(), () -> report(fresh)));
        metrics.republished(round.republished());
        if (round.waiting() != null) {
            metrics.deferred(round.waiting());
            throw round.waiting();
        }
        return round.decisions();
    }

    private Round decideRetryingConflicts(List<ReferralRequested> requests) {
        for (int conflicts = 0; ; conflicts++) {
            try {
                return transactions.execute(status -> decideOnce(requests));
            } catch (DuplicateKeyException conflict) {
                if (conflicts >= conflictRetries) {
                    throw conflict;
                }
                log.info("A concurrent decision took a place first ({}); deciding again",
                        conflict.getMostSpecificCause().getMessage());
            }
        }
    }

    private Round decideOnce(List<ReferralRequested> requests) {
        Map<String, ReferralDecision> decided = new HashMap<>(
                store.findByRequestIds(requests.stream().map(ReferralRequested::getRequestId).toList()));
        LedgerFacts facts = snapshots.load(
                requests.stream().filter(request -> !decided.containsKey(request.getRequestId())).toList());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        List<ReferralDecision> decisions = new ArrayList<>();
        List<Fresh> fresh = new ArrayList<>();
        int republished = 0;
        LateFactsPendingException waiting = null;
        for (int position = 0; position < requests.size(); position++) {
            ReferralRequested request = requests.get(position);
            ReferralDecision earlier = decided.get(request.getRequestId());
            if (earlier != null) {
                decisions.add(earlier);
                republished++;
                continue;
            }
            Optional<String> awaited = lateFacts.awaitedFacts(request, facts, now);
            if (awaited.isPresent()) {
                waiting = new LateFactsPendingException(
                        request.getRequestId(), position, awaited.get(), lateFacts.deadline(request));
                break;
            }
            Optional<String> behind = lateFacts.awaitedBehindTheLedger(request, facts);
            if (behind.isPresent()) {
                waiting = new LedgerBehindException(
                        request.getRequestId(), position, behind.get(), lateFacts.deadline(request));
                break;
            }
            ReferralDecision decision = decide(request, facts, now);
            if (decision.created()) {
                facts.add(new Referral(decision.jobId(), decision.referrerId(), decision.refereeId()));
            }
            if (decision.declinesTheInvitation()) {
                facts.declined(InvitationOnJob.of(request));
            }
            decided.put(decision.requestId(), decision);
            decisions.add(decision);
            fresh.add(new Fresh(request, decision));
        }
        store.saveAll(fresh.stream().map(Fresh::decision).toList());
        return new Round(decisions, fresh, republished, waiting);
    }

    private static ReferralDecision decide(ReferralRequested request, LedgerFacts facts, Instant now) {
        Decision decision = EligibilityRules.decide(facts.snapshotFor(request));
        if (decision instanceof Decision.Rejected rejected) {
            return ReferralDecision.referralRejected(request, rejected.rule(), rejected.reason(), now);
        }
        return ReferralDecision.referralCreated(request, UUID.randomUUID().toString(), (Decision.Eligible) decision,
                now);
    }

    private void report(Fresh fresh) {
        ReferralDecision decision = fresh.decision();
        metrics.decided(fresh.request(), decision);
        try (MDC.MDCCloseable requestId = MDC.putCloseable(MDC_REQUEST_ID, decision.requestId())) {
            if (decision.created()) {
                try (MDC.MDCCloseable referralId = MDC.putCloseable(MDC_REFERRAL_ID, decision.referralId())) {
                    log.info("Referral {} created on job {}: {} refers {}", decision.referralId(),
                            decision.jobId(), decision.referrerId(), decision.refereeId());
                }
            } else {
                log.info("Referral request {} rejected on job {}: {} ({})", decision.requestId(), decision.jobId(),
                        decision.reason(), decision.rule());
            }
        }
    }

    /** A request decided in this round, with the request for its metrics. */
    private record Fresh(ReferralRequested request, ReferralDecision decision) {
    }

    /**
     * One attempt at deciding a list.
     *
     * @param decisions   the decision of each request up to the first that waits, in order
     * @param fresh       the decisions made in this round
     * @param republished how many were decided before
     * @param waiting     the first request that waits for late facts, or null
     */
    private record Round(List<ReferralDecision> decisions, List<Fresh> fresh, int republished,
                         LateFactsPendingException waiting) {
    }
}
