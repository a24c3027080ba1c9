package dev.referrals.benchmarks.report;

import dev.referrals.benchmarks.profile.StageProfile;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line per profiled stage, read off its profile: where the CPU went (by component, and the hottest method), and
 * where threads waited on I/O. A stage that keeps its CPU busy is bound by its top CPU component; one whose threads
 * mostly wait is bound by what they wait on.
 */
final class Bottlenecks {

    private static final int SHOWN = 3;
    private static final double PERCENT = 100.0;

    private Bottlenecks() {
    }

    static String of(StageProfile profile) {
        if (profile.cpuSamples() == 0) {
            return profile.service() + " (" + profile.stage() + "): no samples (the window was shorter than the "
                    + "recorder's start)";
        }
        StringBuilder line = new StringBuilder()
                .append(profile.service()).append(" (").append(profile.stage()).append("): top CPU consumer ")
                .append(name(profile.cpuComponents().get(0)))
                .append("; CPU by component ").append(shares(profile.cpuComponents()))
                .append("; hottest methods ").append(shares(profile.cpuFrames()));
        if (profile.waitSamples() > 0) {
            line.append("; threads blocked in native I/O wait on ").append(shares(profile.waitComponents()))
                    .append(", mostly in ").append(profile.waitFrames().get(0).name());
        }
        return line.append('.').toString();
    }

    private static String name(StageProfile.Share share) {
        return share.name() + " (" + percent(share) + ")";
    }

    private static String shares(List<StageProfile.Share> shares) {
        return shares.stream().limit(SHOWN).map(Bottlenecks::name).collect(Collectors.joining(", "));
    }

    private static String percent(StageProfile.Share share) {
        return String.format("%.0f %%", share.share() * PERCENT);
    }
}
