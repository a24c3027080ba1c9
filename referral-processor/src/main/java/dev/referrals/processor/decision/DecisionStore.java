package dev.referrals.processor.decision;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where decisions, and the referrals of created ones, are kept. */
public interface DecisionStore {

    /** The decisions already made for any of these requests, by requestId. */
    Map<String, ReferralDecision> findByRequestIds(Collection<String> requestIds);

    /**
     * Stores the decisions, a referral row for each created one and the invitation of each that declined it (R1), in
     * the caller's transaction. Throws {@link org.springframework.dao.DuplicateKeyException} when a concurrent
     * decision already holds the request, the referrer's or the referee's place on the job (I1), or the invitation.
     */
    void saveAll(List<ReferralDecision> decisions);

    /** The oldest decisions decided before this instant whose outcome was never acknowledged, at most this many. */
    List<ReferralDecision> findUnpublished(Instant decidedBefore, int limit);

    /** Records that the broker acknowledged the outcomes of these requests' decisions. */
    void markPublished(Collection<String> requestIds, Instant acknowledgedAt);
}
