package dev.referrals.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The upstream job service of the soak: it sends declines at a fixed rate, each with its own Idempotency-Key, to the
 * API instances in turn. On a refused connection, a timeout, a 5xx or a 429 it tries again with the same key, on the
 * next instance, as an upstream service would; it keeps a ledger of every request it was answered {@code 202} for.
 * Any other answer is a refusal, which a valid request never gets: it is counted and not retried.
 */
final class SoakCaller implements AutoCloseable {

    private static final int ACCEPTED = 202;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "soak-caller");
        thread.setDaemon(true);
        return thread;
    });
    private final SoakMarketplace marketplace;
    private final List<Integer> apiPorts;
    private final String token;
    private final String keyPrefix;
    private final Duration giveUp;
    private final ConcurrentMap<Long, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private CountDownLatch finished;

    /** @param apiPorts the HTTP port of each API instance; a request goes to them in turn */
    SoakCaller(SoakMarketplace marketplace, List<Integer> apiPorts, String token, String keyPrefix, Duration giveUp) {
        this.marketplace = marketplace;
        this.apiPorts = List.copyOf(apiPorts);
        this.token = token;
        this.keyPrefix = keyPrefix;
        this.giveUp = giveUp;
    }

    /** Offers {@code requests} declines at {@code rate} a second; returns at once. See {@link #awaitAnswers}. */
    void start(int requests, int rate) {
        finished = new CountDownLatch(requests);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        timer.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            if (n < requests) {
                Call call = new Call(n, keyPrefix + n, Instant.now());
                calls.put(n, call);
                attempt(call);
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Waits until every request was answered for good, or given up on. */
    boolean awaitAnswers(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long sent() {
        return Math.min(sent.get(), calls.size());
    }

    /** Every request so far, by its number. */
    Map<Long, Call> calls() {
        return Map.copyOf(calls);
    }

    /** Retries so far by their cause: {@code refused}, {@code timeout}, {@code 503}, ... */
    Map<String, Long> retries() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        retries.forEach((cause, count) -> counts.put(cause, count.sum()));
        return counts;
    }

    private void attempt(Call call) {
        int attempt = call.attempts.incrementAndGet();
        int port = apiPorts.get((int) ((call.n + attempt - 1) % apiPorts.size()));
        SoakMarketplace.Decline decline = marketplace.decline(call.n);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + decline.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", call.key)
                .POST(HttpRequest.BodyPublishers.ofString(decline.body()))
                .build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                retry(call, cause(failure));
            } else if (response.statusCode() == ACCEPTED) {
                accept(call, response.body());
            } else if (response.statusCode() >= SERVER_ERROR || response.statusCode() == TOO_MANY_REQUESTS) {
                retry(call, String.valueOf(response.statusCode()));
            } else {
                call.outcome = Outcome.REFUSED;
                call.refusal = response.statusCode() + " " + response.body();
                finished.countDown();
            }
        });
    }

    private void accept(Call call, String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            call.requestId = answer.path("requestId").asText(null);
            call.eventId = answer.path("eventId").asText(null);
        } catch (IOException unreadable) {
            call.refusal = "202 with an unreadable body: " + body;
        }
        call.acceptedAt = Instant.now();
        call.outcome = Outcome.ACCEPTED;
        finished.countDown();
    }

    private void retry(Call call, String cause) {
        retries.computeIfAbsent(cause, key -> new LongAdder()).increment();
        if (Duration.between(call.firstSentAt, Instant.now()).compareTo(giveUp) > 0) {
            call.outcome = Outcome.GAVE_UP;
            call.refusal = "last: " + cause;
            finished.countDown();
            return;
        }
        long delay = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(4, call.attempts.get()));
        timer.schedule(() -> attempt(call), delay, TimeUnit.MILLISECONDS);
    }

    private static String cause(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof java.net.ConnectException) {
            return "refused";
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    enum Outcome { PENDING, ACCEPTED, REFUSED, GAVE_UP }

    /** One request, across its attempts. Written by the caller's threads, read once the answers are in. */
    static final class Call {
        final long n;
        final String key;
        final Instant firstSentAt;
        final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        volatile Outcome outcome = Outcome.PENDING;
        volatile String requestId;
        volatile String eventId;
        volatile Instant acceptedAt;
        volatile String refusal;

        Call(long n, String key, Instant firstSentAt) {
            this.n = n;
            this.key = key;
            this.firstSentAt = firstSentAt;
        }

        Duration timeToAnswer() {
            return acceptedAt == null ? null : Duration.between(firstSentAt, acceptedAt);
        }
    }
}
