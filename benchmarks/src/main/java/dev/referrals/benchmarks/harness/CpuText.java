package dev.referrals.benchmarks.harness;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A window's CPU in words: {@code machine 97 % busy; referral-api 0.9 cores, PostgreSQL 0.4, ...}. */
public final class CpuText {

    private static final double PERCENT = 100.0;

    private CpuText() {
    }

    public static String of(CpuWatch.Usage usage) {
        return String.format(Locale.ROOT, "machine %.0f %% busy; ", usage.machineBusy() * PERCENT)
                + usage.coresByName().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.2f cores", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
