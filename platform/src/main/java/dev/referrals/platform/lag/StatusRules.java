package dev.referrals.platform.lag;

import java.time.Duration;
import java.util.List;

/**
 * Judges a consumer group from its samples in the sliding window, the way Burrow does, from what the broker tells:
 * lag per partition, committed offsets, and whether the group has members. A pure function.
 *
 * <ul>
 *   <li>ERR: the newest sample failed.</li>
 *   <li>OK: nothing waits, or the window is not yet covered.</li>
 *   <li>STOP: records wait, no member is in the group, and its offsets did not move across the whole window.</li>
 *   <li>STALL: records wait, members are there, and its offsets did not move across the whole window.</li>
 *   <li>WARN: the offsets move, but the lag grew from sample to sample across the whole window.</li>
 *   <li>OK otherwise.</li>
 * </ul>
 */
public final class StatusRules {

    private StatusRules() {
    }

    /**
     * @param samples the group's samples in the window, oldest first; not empty
     * @param window  how long the window is
     */
    public static LagEvaluation evaluate(List<GroupSample> samples, Duration window) {
        GroupSample first = samples.get(0);
        GroupSample latest = samples.get(samples.size() - 1);
        String group = latest.group();
        if (latest.error() != null) {
            return new LagEvaluation(group, GroupStatus.ERR, latest.error(), latest);
        }
        if (latest.totalRecords() == 0) {
            return new LagEvaluation(group, GroupStatus.OK, "no lag", latest);
        }
        boolean windowCovered = first.error() == null
                && Duration.between(first.at(), latest.at()).compareTo(window) >= 0;
        if (!windowCovered) {
            return new LagEvaluation(group, GroupStatus.OK,
                    "lag " + latest.totalRecords() + " records; window not covered yet", latest);
        }
        boolean moved = !first.committedOffsets().equals(latest.committedOffsets());
        if (!moved && !latest.hasMembers()) {
            return new LagEvaluation(group, GroupStatus.STOP, "no consumer in the group and no progress for "
                    + window + " while " + latest.totalRecords() + " records wait", latest);
        }
        if (!moved) {
            return new LagEvaluation(group, GroupStatus.STALL, "consumers present but no progress for " + window
                    + " while " + latest.totalRecords() + " records wait", latest);
        }
        if (growsThroughout(samples)) {
            return new LagEvaluation(group, GroupStatus.WARN, "lag grew from " + first.totalRecords() + " to "
                    + latest.totalRecords() + " records across " + window, latest);
        }
        return new LagEvaluation(group, GroupStatus.OK, "consuming; lag " + latest.totalRecords() + " records", latest);
    }

    private static boolean growsThroughout(List<GroupSample> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).error() != null || samples.get(i).totalRecords() < samples.get(i - 1).totalRecords()) {
                return false;
            }
        }
        return samples.get(samples.size() - 1).totalRecords() > samples.get(0).totalRecords();
    }
}
