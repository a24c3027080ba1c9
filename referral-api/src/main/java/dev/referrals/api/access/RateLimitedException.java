package dev.referrals.api.access;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The caller used up their requests of this kind for now: answered 429 with {@code Retry-After} in seconds. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    RateLimitedException(String what, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                "Too many %s from this caller; retry after %d s.".formatted(what, seconds(retryAfter)), null, null);
        this.retryAfterSeconds = seconds(retryAfter);
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }

    /** Whole seconds, rounded up and at least one: a caller that waits that long gets a new permit. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
