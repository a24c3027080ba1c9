package dev.referrals.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.referrals.api.ReferralApiProperties;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-caller rate limits on declines and searches (Resilience4j rate limiters, one per caller and kind, kept in a
 * bounded Caffeine cache): a user gets {@code referrals.api.rate-limit.user-*} permits per period, a trusted service,
 * which carries many users' traffic, {@code service-*}. A caller over the limit is answered 429 with
 * {@code Retry-After} at once; nothing waits.
 */
@Component
public class RateLimits {

    private static final String DECLINES = "declines";
    private static final String SEARCHES = "searches";

    private final ReferralApiProperties.RateLimit settings;
    private final Cache<String, RateLimiter> limiters;

    RateLimits(ReferralApiProperties properties) {
        this.settings = properties.rateLimit();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(settings.maxCallers())
                // An idle caller's limiter is full again after one period, so forgetting it then loses nothing.
                .expireAfterAccess(settings.period().multipliedBy(2))
                .build();
    }

    /** Takes a decline permit, or refuses with 429. */
    public void decline(Caller caller) {
        acquire(caller, DECLINES, caller.isService() ? settings.serviceDeclines() : settings.userDeclines());
    }

    /** Takes a search permit, or refuses with 429. */
    public void search(Caller caller) {
        acquire(caller, SEARCHES, caller.isService() ? settings.serviceSearches() : settings.userSearches());
    }

    private void acquire(Caller caller, String what, int permitsPerPeriod) {
        RateLimiter limiter = limiters.get(what + " " + caller.key(), name -> RateLimiter.of(name,
                RateLimiterConfig.custom()
                        .limitForPeriod(permitsPerPeriod)
                        .limitRefreshPeriod(settings.period())
                        .timeoutDuration(Duration.ZERO)
                        .build()));
        if (!limiter.acquirePermission()) {
            throw new RateLimitedException(what, retryAfter(limiter));
        }
    }

    private Duration retryAfter(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait());
        }
        return settings.period();
    }
}
