package dev.referrals.api.idempotency;

import dev.referrals.api.ReferralApiProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request at most once per Idempotency-Key, and gives every retry the first answer.
 *
 * <p>In one database transaction: claim the key, do the work (which joins this transaction), store the answer.
 * If the work fails (Kafka unreachable), everything rolls back, so the key stays free for the retry. A concurrent
 * request with the same key waits on the claim; once the first commits, it gets the first answer, or 409 if the
 * first is still going after {@code in-flight-wait}. A key first used for another request gets 422.
 */
@Component
public class IdempotentExecution {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReferralApiProperties.Idempotency settings;

    IdempotentExecution(IdempotencyKeys keys, TransactionTemplate transactions, Clock clock,
                        ReferralApiProperties properties) {
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.idempotency();
    }

    /**
     * The key as stored: the caller's own namespace, then the key they sent. A line break separates them, since no
     * caller key and no header value holds one.
     */
    public static String scoped(String callerKey, String key) {
        return callerKey + "\n" + key;
    }

    /** The answer of {@code work}, run now, or the stored answer of the key's first request. */
    public Answer execute(String key, String fingerprint, Supplier<StoredResponse> work) {
        return transactions.execute(transaction -> {
            keys.limitLockWait(settings.inFlightWait());
            Instant now = clock.instant();
            boolean claimed;
            try {
                claimed = keys.claim(key, fingerprint, now, now.minus(settings.retention()));
            } catch (DataAccessException failure) {
                if (IdempotencyKeys.isLockWaitTimeout(failure)) {
                    throw new IdempotencyKeyInFlightException(failure);
                }
                throw failure;
            }
            if (claimed) {
                StoredResponse response = work.get();
                keys.complete(key, response);
                return new Answer(response, false);
            }
            IdempotencyKeys.StoredKey stored = keys.find(key)
                    .orElseThrow(() -> new IdempotencyKeyInFlightException(null));
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            if (stored.response() == null) {
                throw new IdempotencyKeyInFlightException(null);
            }
            return new Answer(stored.response(), true);
        });
    }

    /**
     * @param replayed {@code true} when the response is the stored answer of an earlier request
     */
    public record Answer(StoredResponse response, boolean replayed) {
    }
}
