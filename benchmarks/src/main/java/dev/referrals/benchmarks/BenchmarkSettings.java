package dev.referrals.benchmarks;

import dev.referrals.localrun.PipelineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every size, rate and duration of a run, so that no stage holds a number of its own. Two presets: {@link #full()},
 * the run whose report is kept, and {@link #smoke()}, the same stages at toy sizes, which CI runs so the harness
 * cannot rot; its figures mean nothing.
 *
 * @param preset             {@code full} or {@code smoke}, written into the report
 * @param api                the API and bare-endpoint load
 * @param processor          the processor's backlog, ledger and scaling sweep
 * @param worker             the worker's backlog
 * @param endToEnd           the end-to-end rates
 * @param baselines          the Kafka, PostgreSQL and SMTP baselines
 * @param sampleInterval     how often progress (offsets, rows, RSS) is sampled while a stage runs
 * @param stageTimeout       how long any drain or catch-up may take before the run fails
 * @param jitSettle          the longest pause, after a warm-up, for a service's JIT to work off its compile queue
 *                           (see {@code JitQueue})
 * @param serviceJvmOptions  the JVM options of every service and of the bare endpoint
 */
public record BenchmarkSettings(String preset, Api api, Processor processor, Worker worker, EndToEnd endToEnd,
                                Baselines baselines, Duration sampleInterval, Duration stageTimeout,
                                Duration jitSettle, List<String> serviceJvmOptions) {

    public BenchmarkSettings {
        Objects.requireNonNull(preset, "preset");
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /**
     * The smoke run's JVMs compile with C1 only: they start in about two thirds of the time, which keeps the smoke
     * run within two minutes; its figures mean nothing anyway.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    /**
     * @param closedLoopConnections connections, each sending its next request when the previous one is answered
     * @param warmUp                load before any measurement, so the JIT and the pools are warm
     * @param closedLoopDuration    how long the closed loop is measured
     * @param rates                 the fixed offered rates of the open loop, per second
     * @param rateDuration          how long each rate is measured
     * @param openLoopConnections   connections available to the open loop; a request waits for a free one, and the
     *                              wait counts in its latency
     */
    public record Api(int closedLoopConnections, WarmUp warmUp, Duration closedLoopDuration, List<Integer> rates,
                      Duration rateDuration, int openLoopConnections) {
        public Api {
            rates = List.copyOf(rates);
        }
    }

    /**
     * A warm-up in rounds: closed-loop load for {@code round}, then no load until the service's JIT compile queue is
     * quiet (see {@code JitQueue}). It ends when a round's rate is no more than {@link #SETTLED} above the round's
     * before, or after {@code maxRounds}.
     */
    public record WarmUp(Duration round, int maxRounds) {

        /** A rate that rose by less than this since the round before has settled. */
        public static final double SETTLED = 0.10;

        public Duration maxLoad() {
            return round.multipliedBy(maxRounds);
        }
    }

    /**
     * @param warmUp             ReferralRequested decided before each drain, by the same process, so that the drain
     *                           measures compiled code (followed by a pause for the JIT)
     * @param backlog            ReferralRequested records of each measured drain
     * @param freelancers        freelancer accounts in the ledger
     * @param jobs               jobs in the ledger (one client per {@code jobsPerClient})
     * @param jobsPerClient      jobs each client owns
     * @param activityPerJob     upstream activity rows per job besides those the requests collide with
     * @param defaultConcurrency the service's own default listener concurrency, for the main figure
     * @param sweepConcurrency   the listener concurrencies of the scaling sweep
     */
    public record Processor(int warmUp, int backlog, int freelancers, int jobs, int jobsPerClient, int activityPerJob,
                            int defaultConcurrency, List<Integer> sweepConcurrency) {
        public Processor {
            sweepConcurrency = List.copyOf(sweepConcurrency);
        }

        /**
         * One drain for the main figure, then one per sweep point, each on a fresh backlog; a point at the default
         * concurrency is the main drain's figure, not a drain of its own.
         */
        public int rounds() {
            return 1 + (int) sweepConcurrency.stream().filter(concurrency -> concurrency != defaultConcurrency).count();
        }

        /** The requests of one round: its warm-up and its backlog. */
        public int requestsPerRound() {
            return warmUp + backlog;
        }
    }

    /**
     * @param warmUp      ReferralCreated sent by the same process before the drain, followed by a pause for the JIT
     * @param backlog     ReferralCreated records of the measured drain (two emails each)
     * @param freelancers freelancer accounts in the worker's directory
     * @param jobs        jobs in the directory
     */
    public record Worker(int warmUp, int backlog, int freelancers, int jobs) {
    }

    /**
     * @param rates        the fixed offered rates, per second
     * @param duration     how long each rate is offered
     * @param clients      client accounts the end-to-end jobs belong to
     * @param warmUpRate   the rate of the warm-up, per second: the three services start cold, and until the JIT has
     *                     compiled their hot paths each request costs several times its steady-state CPU
     * @param warmUp       how long the warm-up is offered before the first measured rate; its latencies are not kept
     */
    public record EndToEnd(List<Integer> rates, Duration duration, int clients, int warmUpRate, Duration warmUp) {
        public EndToEnd {
            rates = List.copyOf(rates);
        }

        public int warmUpRequests() {
            return (int) (warmUpRate * warmUp.toMillis() / MILLIS_PER_SECOND);
        }

        public int maxRequests() {
            return warmUpRequests()
                    + rates.stream().mapToInt(rate -> (int) (rate * duration.toMillis() / MILLIS_PER_SECOND)).sum();
        }
    }

    /**
     * @param kafkaRecords   records sent by ProducerPerformance and read by ConsumerPerformance
     * @param kafkaLatencyRate the fixed rate at which ProducerPerformance measures acks=all latency
     * @param kafkaLatencyRecords records of that latency run
     * @param postgresDuration how long single-row insert commits are measured
     * @param smtpMessages   messages of each SMTP baseline
     */
    public record Baselines(int kafkaRecords, int kafkaLatencyRate, int kafkaLatencyRecords,
                            Duration postgresDuration, int smtpMessages) {
    }

    private static final long MILLIS_PER_SECOND = 1_000;

    /**
     * The API's (and the bare endpoint's) warm-up: up to eight rounds of 20 s of closed-loop load, each followed by a
     * pause of up to a minute for the JIT. Load without pauses was not enough: after 150 s of it a fresh API still ran
     * at 164 declines/s with 4,092 methods waiting for its C2 compiler, and about 3 times faster once they were
     * compiled. The bare endpoint gets the same, to load both alike.
     */
    private static final WarmUp API_WARM_UP = new WarmUp(Duration.ofSeconds(20), 8);

    /**
     * The end-to-end warm-up, at {@link #E2E_WARM_UP_RATE}: long enough for the three services' hot paths to be
     * compiled, short enough that its emails drain within a minute.
     */
    private static final int E2E_WARM_UP_SECONDS = 60;
    private static final int E2E_WARM_UP_RATE = 100;

    /** The run whose report is kept: the sizes of the issue (a 100,000-request backlog, 250 to 1,000 per second). */
    public static BenchmarkSettings full() {
        return new BenchmarkSettings("full",
                new Api(32, API_WARM_UP, Duration.ofSeconds(20), List.of(250, 500, 1_000),
                        Duration.ofSeconds(20), 64),
                new Processor(30_000, 100_000, 40_000, 20_000, 5, 10, 3, List.of(1, 2, 4)),
                new Worker(2_000, 10_000, 20_000, 5_000),
                new EndToEnd(List.of(250, 500), Duration.ofSeconds(20), 500, E2E_WARM_UP_RATE,
                        Duration.ofSeconds(E2E_WARM_UP_SECONDS)),
                new Baselines(500_000, 500, 10_000, Duration.ofSeconds(15), 2_000),
                Duration.ofMillis(100), Duration.ofMinutes(10), Duration.ofSeconds(60), PipelineSettings.DEFAULT_JVM_OPTIONS);
    }

    /**
     * Every stage at toy sizes, within two minutes on two cores: proves the harness works, measures nothing. The sweep
     * has one point, at the default concurrency, so it is the main drain's (any other would be a start of the
     * processor more).
     */
    public static BenchmarkSettings smoke() {
        return new BenchmarkSettings("smoke",
                new Api(8, new WarmUp(Duration.ofSeconds(1), 1), Duration.ofSeconds(2), List.of(100, 200),
                        Duration.ofSeconds(1), 16),
                new Processor(200, 1_000, 400, 200, 5, 2, 3, List.of(3)),
                new Worker(20, 100, 200, 50),
                new EndToEnd(List.of(20), Duration.ofSeconds(2), 10, 0, Duration.ZERO),
                new Baselines(20_000, 200, 400, Duration.ofSeconds(1), 50),
                Duration.ofMillis(100), Duration.ofMinutes(2), Duration.ofSeconds(5),
                java.util.stream.Stream.concat(PipelineSettings.DEFAULT_JVM_OPTIONS.stream(),
                        java.util.stream.Stream.of(QUICK_START)).toList());
    }
}
