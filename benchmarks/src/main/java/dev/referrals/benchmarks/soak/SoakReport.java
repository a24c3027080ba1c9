package dev.referrals.benchmarks.soak;

import java.util.List;
import java.util.Map;

/**
 * What a soak run found: the load, each fault with what it did to callers and how soon the pipeline moved again, the
 * poison records, and the checks.
 *
 * @param preset           {@code full} or {@code smoke}
 * @param startedAt        UTC, ISO-8601
 * @param seconds          the whole run, start-up included
 * @param settings         the settings of the run
 * @param load             the caller's figures
 * @param faults           every fault, in the order they began
 * @param poisonByKind     poison records sent, by kind
 * @param poisonByTopic    poison records sent, by catalogue topic
 * @param deadLetters      records found in the dead-letter topics
 * @param checks           the verdict, check by check
 * @param passed           whether every check passed
 */
record SoakReport(String preset, String startedAt, double seconds, SoakSettings settings, Load load,
                  List<FaultImpact> faults, Map<String, Long> poisonByKind, Map<String, Long> poisonByTopic,
                  long deadLetters, List<SoakChecks.Check> checks, boolean passed) {

    /**
     * @param sent            declines sent, each with its own key
     * @param accepted        answered 202, on the first try or a later one
     * @param retried         requests that needed more than one try
     * @param retriesByCause  retries by cause: {@code refused} (connection), {@code timeout}, a status code
     * @param timeTo202       from the first try to the 202, over all accepted requests, in milliseconds
     * @param decisions       distinct decisions on the topics
     * @param created         of which ReferralCreated
     * @param emails          distinct emails received by the SMTP sink
     */
    record Load(long sent, long accepted, long retried, Map<String, Long> retriesByCause, Percentiles timeTo202,
                long decisions, long created, long emails) {
    }

    /** In milliseconds. */
    record Percentiles(double p50, double p99, double max) {
    }

    /**
     * One fault and what it did.
     *
     * @param kind                  what was done
     * @param target                to what
     * @param atSeconds             when it began, since the load started
     * @param seconds               how long until what was faulted was back (a killed instance: ready again)
     * @param requestsDuring        requests first sent while it lasted
     * @param retriedDuring         of which needed more than one try
     * @param worstTimeTo202Seconds the longest a request first sent while it lasted waited for its 202
     * @param decisionsAfterSeconds from the end of the fault to the next decision on the topics
     * @param emailsAfterSeconds    from the end of the fault to the next email received (to two seconds)
     */
    record FaultImpact(String kind, String target, double atSeconds, double seconds, long requestsDuring,
                       long retriedDuring, double worstTimeTo202Seconds, double decisionsAfterSeconds,
                       double emailsAfterSeconds) {
    }
}
