package dev.referrals.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;

/**
 * The load tool: a closed loop, where each connection sends its next request as soon as the last one is answered
 * (the maximum throughput), and an open loop, where requests are sent on a fixed schedule whatever the server does,
 * and latency is counted from the scheduled time (so queueing is not hidden: no coordinated omission).
 *
 * <p>Every loop is bounded in count and time and stops by itself; it only ever talks to the target on this machine.
 */
public final class HttpLoad {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long NANOS_PER_MICRO = TimeUnit.MICROSECONDS.toNanos(1);
    /** A scheduled request is never dropped: the queue holds every request of a run. */
    private static final int MIN_QUEUE = 1;

    private final int expectedStatus;
    private final Duration drainTimeout;

    /**
     * @param expectedStatus the status of a successful answer (202 for a decline)
     * @param drainTimeout   how long an open loop waits for the answers still due after its last send
     */
    public HttpLoad(int expectedStatus, Duration drainTimeout) {
        this.expectedStatus = expectedStatus;
        this.drainTimeout = drainTimeout;
    }

    /** Warms up for {@code warmUp}, then measures for {@code duration}, each connection on its own thread. */
    public ClosedLoopResult closedLoop(LoadTarget target, AtomicLong sequence, int connections, Duration warmUp,
                                       Duration duration) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = startConnections(target, connections, "closed-loop-", histograms,
                (connection, histogram) -> {
                    while (System.nanoTime() < measureUntil) {
                        byte[] request = target.bytes(sequence.getAndIncrement());
                        long sent = System.nanoTime();
                        boolean ok = send(connection, request);
                        long answered = System.nanoTime();
                        if (answered >= measureFrom && answered < measureUntil) {
                            (ok ? accepted : failed).incrementAndGet();
                            if (ok) {
                                histogram.recordValue((answered - sent) / NANOS_PER_MICRO);
                            }
                        }
                    }
                });
        joinAll(threads);
        Histogram all = merge(histograms);
        return new ClosedLoopResult(connections, accepted.get(), failed.get(),
                accepted.get() * (double) NANOS_PER_SECOND / duration.toNanos(), LatencySummary.of(all));
    }

    /** Sends {@code rate × duration} requests on a fixed schedule over at most {@code connections} connections. */
    public OpenLoopResult openLoop(LoadTarget target, AtomicLong sequence, int rate, Duration duration,
                                   int connections) {
        return openLoop(target, sequence, rate, duration, connections, accepted -> { });
    }

    /** As {@link #openLoop(LoadTarget, AtomicLong, int, Duration, int)}, telling {@code onAccepted} each accepted sequence number the moment its answer arrived. */
    public OpenLoopResult openLoop(LoadTarget target, AtomicLong sequence, int rate, Duration duration,
                                   int connections, LongConsumer onAccepted) {
        int total = (int) (rate * duration.toNanos() / NANOS_PER_SECOND);
        long period = NANOS_PER_SECOND / rate;
        BlockingQueue<long[]> due = new ArrayBlockingQueue<>(Math.max(MIN_QUEUE, total));
        CountDownLatch answered = new CountDownLatch(total);
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        List<Thread> threads = startConnections(target, connections, "open-loop-", histograms,
                (connection, histogram) -> {
                    while (true) {
                        long[] job = due.take();
                        if (job.length == 0) {
                            return;
                        }
                        boolean ok = send(connection, target.bytes(job[0]));
                        long end = System.nanoTime();
                        lastAnswer.accumulateAndGet(end, Math::max);
                        if (ok) {
                            onAccepted.accept(job[0]);
                            accepted.incrementAndGet();
                            histogram.recordValue((end - job[1]) / NANOS_PER_MICRO);
                        } else {
                            failed.incrementAndGet();
                        }
                        answered.countDown();
                    }
                });
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            due.add(new long[] {sequence.getAndIncrement(), scheduled});
        }
        try {
            answered.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        due.clear();
        for (int c = 0; c < connections; c++) {
            due.add(new long[0]);
        }
        joinAll(threads);
        long elapsed = Math.max(1, lastAnswer.get() - start);
        return new OpenLoopResult(rate, accepted.get() * (double) NANOS_PER_SECOND / elapsed, accepted.get(),
                failed.get() + (total - accepted.get() - failed.get()), LatencySummary.of(merge(histograms)));
    }

    /** What one connection's thread does with its connection, recording latencies into its own histogram. */
    @FunctionalInterface
    private interface ConnectionLoop {
        void run(HttpConnection connection, Histogram histogram) throws InterruptedException;
    }

    /**
     * Starts a thread per connection, each with a connection of its own to the target and a histogram of its own,
     * added to {@code histograms}; a thread ends when its loop returns or is interrupted.
     */
    private static List<Thread> startConnections(LoadTarget target, int connections, String name,
                                                 List<Histogram> histograms, ConnectionLoop loop) {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Histogram histogram = LatencySummary.newHistogram();
            histograms.add(histogram);
            Thread thread = new Thread(() -> {
                try (HttpConnection connection = new HttpConnection(target.host(), target.port())) {
                    loop.run(connection, histogram);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name + c);
            threads.add(thread);
            thread.start();
        }
        return threads;
    }

    private boolean send(HttpConnection connection, byte[] request) {
        try {
            return connection.exchange(request) == expectedStatus;
        } catch (IOException | RuntimeException e) {
            connection.close();
            return false;
        }
    }

    private static Histogram merge(List<Histogram> histograms) {
        Histogram all = LatencySummary.newHistogram();
        histograms.forEach(all::add);
        return all;
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
