package dev.referrals.benchmarks.processor;

import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.harness.Drain;
import java.util.List;

/**
 * The processor's figures.
 *
 * @param ledgerFacts        upstream records in its ledger (accounts, jobs, activity)
 * @param ledgerLoadSeconds  its start to having consumed them all
 * @param concurrency        listener concurrency of the main drain (the service's default)
 * @param drain              the main drain
 * @param drainCpu           the machine's and the processor's CPU meanwhile
 * @param created            ReferralCreated among the decisions of the main drain and its warm-up
 * @param rejected           ReferralRejected among them
 * @param sweep              one drain per listener concurrency, each of a fresh backlog
 */
public record ProcessorFigures(long ledgerFacts, double ledgerLoadSeconds, int concurrency, Drain drain,
                               CpuWatch.Usage drainCpu, long created, long rejected, List<SweepPoint> sweep) {

    /**
     * @param concurrency consumers of referrals.referral-requested, on its 6 partitions
     * @param cpu         the machine's and the processor's CPU while it drained
     */
    public record SweepPoint(int concurrency, Drain drain, CpuWatch.Usage cpu) {
    }
}
