package dev.referrals.benchmarks.soak;

import dev.referrals.localrun.PipelineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The sizes, rates and faults of a soak run. Two presets: {@link #full()}, whose report is kept, and {@link #smoke()},
 * one of each fault at a few thousand requests, which CI runs.
 *
 * @param preset            {@code full} or {@code smoke}, written into the report
 * @param requests          declines the caller sends, each with its own Idempotency-Key
 * @param rate              declines offered per second, at a fixed rate whatever the answers
 * @param referrersPerJob   freelancers invited to every job; request {@code n} is by one of them on job
 *                          {@code n / referrersPerJob}
 * @param instances         instances of each service, on ports of their own
 * @param kills             {@code kill -9} of each service, each instance restarted at once
 * @param brokerRestarts    broker restarts, one broker at a time, on the three-broker cluster
 * @param smtpOutage        how long SMTP is down (once)
 * @param registryOutage    how long the schema registry is down (once)
 * @param postgresRestarts  restarts of PostgreSQL
 * @param brokerDowntime    how long a restarted broker stays down
 * @param poisonRecords     records no consumer can ever read, spread over every consumed topic
 * @param giveUp            how long the caller keeps retrying one request before it gives up on it
 * @param drainTimeout      how long, after the load, every decision, email and dead letter may take to appear
 * @param serviceJvmOptions the JVM options of every service instance
 */
public record SoakSettings(String preset, int requests, int rate, int referrersPerJob, int instances, Kills kills,
                           int brokerRestarts, Duration smtpOutage, Duration registryOutage, int postgresRestarts,
                           Duration brokerDowntime, int poisonRecords, Duration giveUp, Duration drainTimeout,
                           List<String> serviceJvmOptions) {

    /** Six service JVMs share two cores: C1 only starts a killed one in about two thirds of the time. */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    /** What the issue asks of the full soak. */
    private static final int FULL_REQUESTS = 100_000;

    public SoakSettings {
        Objects.requireNonNull(preset, "preset");
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        if (requests % referrersPerJob != 0) {
            throw new IllegalArgumentException("requests must be a multiple of referrersPerJob");
        }
    }

    /**
     * @param processor {@code kill -9} of a processor instance
     * @param worker    of a worker instance
     * @param api       of an API instance
     */
    public record Kills(int processor, int worker, int api) {
        int total() {
            return processor + worker + api;
        }
    }

    /** 100,000 requests at 100/s, with every fault of the issue. About 25 minutes on 2 cores. */
    public static SoakSettings full() {
        return new SoakSettings("full", FULL_REQUESTS, 100, 200, 2, new Kills(5, 5, 3), 2, Duration.ofMinutes(3),
                Duration.ofSeconds(30), 1, Duration.ofSeconds(20), 120, Duration.ofMinutes(10),
                Duration.ofMinutes(10), PipelineSettings.DEFAULT_JVM_OPTIONS);
    }

    /** A few thousand requests and one of each fault, at most four minutes: CI runs it. */
    public static SoakSettings smoke() {
        return new SoakSettings("smoke", 2_400, 20, 100, 2, new Kills(1, 1, 1), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(10), 1, Duration.ofSeconds(10), 104, Duration.ofMinutes(3),
                Duration.ofMinutes(3), Stream.concat(PipelineSettings.DEFAULT_JVM_OPTIONS.stream(),
                        Stream.of(QUICK_START)).toList());
    }

    /** How long the caller offers load. */
    public Duration loadDuration() {
        return Duration.ofMillis(1_000L * requests / rate);
    }

    public int jobs() {
        return requests / referrersPerJob;
    }
}
