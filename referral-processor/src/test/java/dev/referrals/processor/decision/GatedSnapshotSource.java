package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Reads the ledger like the real source; when a test closes the gate for a job, the first read of each of the
 * given number of threads waits until all of them have read. So all of them decide from the same state, and all but
 * one must lose at the unique constraints: the race that I1 is about, made certain instead of likely.
 */
public class GatedSnapshotSource implements SnapshotSource {

    private static final long GATE_TIMEOUT_SECONDS = 20;

    private final SnapshotSource ledger;
    private volatile String gatedJobId;
    private volatile CyclicBarrier gate;
    private final Set<Thread> passed = ConcurrentHashMap.newKeySet();

    public GatedSnapshotSource(SnapshotSource ledger) {
        this.ledger = ledger;
    }

    /** The next first reads of {@code threads} threads for this job wait for each other. */
    public void closeGate(String jobId, int threads) {
        passed.clear();
        gate = new CyclicBarrier(threads);
        gatedJobId = jobId;
    }

    public void openGate() {
        gatedJobId = null;
        gate = null;
    }

    @Override
    public LedgerFacts load(List<ReferralRequested> requests) {
        LedgerFacts facts = ledger.load(requests);
        String jobId = gatedJobId;
        CyclicBarrier barrier = gate;
        if (jobId != null && barrier != null
                && requests.stream().anyMatch(request -> jobId.equals(request.getJobId()))
                && passed.add(Thread.currentThread())) {
            try {
                barrier.await(GATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other decision never read the ledger", e);
            }
        }
        return facts;
    }
}
