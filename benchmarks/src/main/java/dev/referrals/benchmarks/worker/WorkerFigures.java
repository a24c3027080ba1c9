package dev.referrals.benchmarks.worker;

import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.harness.Drain;

/**
 * The worker's figures.
 *
 * @param referrals   ReferralCreated in the backlog
 * @param drain       emails accepted by the SMTP sink while draining it (two per referral)
 * @param cpu         the machine's and the worker's CPU while it drained
 * @param inSink      emails the sink holds afterwards (it is emptied after the warm-up), as a check that the ledger
 *                    did not overstate
 */
public record WorkerFigures(int referrals, Drain drain, CpuWatch.Usage cpu, long inSink) {
}
