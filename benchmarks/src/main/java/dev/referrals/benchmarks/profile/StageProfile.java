package dev.referrals.benchmarks.profile;

import java.util.List;

/**
 * What one service spent a measured window on, from its flight recording.
 *
 * @param service        the module
 * @param stage          what it was doing (for example "drain of 100000 requests")
 * @param cpuSamples     Java stack samples (threads running Java code)
 * @param cpuComponents  share of CPU samples per component, attributed to the innermost non-JDK frame
 * @param cpuFrames      share of CPU samples per innermost non-JDK method
 * @param waitSamples    native samples of threads blocked on I/O (idle selector and accept waits left out)
 * @param waitComponents share of those samples per component, attributed the same way
 * @param waitFrames     share of those samples per innermost non-JDK method
 */
public record StageProfile(String service, String stage, long cpuSamples, List<Share> cpuComponents,
                           List<Share> cpuFrames, long waitSamples, List<Share> waitComponents,
                           List<Share> waitFrames) {

    /** @param share between 0 and 1 */
    public record Share(String name, double share) {
    }
}
