package dev.referrals.processor.decision;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where decisions, and the referrals of created ones, are kept. */
public interface DecisionStore {

    /** The decisions already made for any of these requests, by requestId. */
    Map<String, ReferralDecision> findByRequestIds(Collection<String> requestIds);

    /**
     * Stores the decisions, and a referral row for each created one, in the caller's transaction. Throws
     * {@link org.springframework.dao.DuplicateKeyException} when a concurrent decision already holds the request, or
     * the referrer's or the referee's place on the job (I1).
     */
    void saveAll(List<ReferralDecision> decisions);
}
