package dev.referrals.api.idempotency;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code idempotency_keys} table. */
@Component
class IdempotencyKeys {

    /** PostgreSQL's SQLSTATE for a lock wait that gave up ({@code lock_not_available}). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** A key as stored: the fingerprint of its first request and, once that request completed, its answer. */
    record StoredKey(String fingerprint, StoredResponse response) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lock waits of the current transaction give up after this long instead of waiting forever. */
    void limitLockWait(Duration wait) {
        jdbc.sql("SELECT set_config('lock_timeout', :millis, true)")
                .param("millis", wait.toMillis() + "ms")
                .query()
                .singleValue();
    }

    /** Whether the failure is a lock wait that ran past {@link #limitLockWait}. */
    static boolean isLockWaitTimeout(DataAccessException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Claims the key for this request, or takes over an expired one. While another transaction holds an uncommitted
     * claim of the same key, this waits for it to end (PostgreSQL's unique index does the waiting).
     *
     * @return {@code true} if this transaction now owns the key; {@code false} if a committed claim exists
     */
    boolean claim(String key, String fingerprint, Instant now, Instant expiredBefore) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (idempotency_key, request_fingerprint, created_at)
                VALUES (:key, :fingerprint, :now)
                ON CONFLICT (idempotency_key) DO UPDATE SET
                    request_fingerprint = EXCLUDED.request_fingerprint,
                    response_status     = NULL,
                    response_body       = NULL,
                    response_location   = NULL,
                    created_at          = EXCLUDED.created_at
                WHERE idempotency_keys.created_at < :expiredBefore
                RETURNING idempotency_key
                """)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now))
                .param("expiredBefore", Timestamp.from(expiredBefore))
                .query(String.class)
                .optional()
                .isPresent();
    }

    Optional<StoredKey> find(String key) {
        return jdbc.sql("""
                SELECT request_fingerprint, response_status, response_body, response_location
                FROM idempotency_keys WHERE idempotency_key = :key
                """)
                .param("key", key)
                .query((row, number) -> new StoredKey(
                        row.getString("request_fingerprint"),
                        row.getObject("response_status") == null ? null : new StoredResponse(
                                row.getInt("response_status"),
                                row.getString("response_body"),
                                row.getString("response_location"))))
                .optional();
    }

    void complete(String key, StoredResponse response) {
        jdbc.sql("""
                UPDATE idempotency_keys
                SET response_status = :status, response_body = :body, response_location = :location
                WHERE idempotency_key = :key
                """)
                .param("key", key)
                .param("status", response.status())
                .param("body", response.body())
                .param("location", response.location())
                .update();
    }

    /** Deletes up to {@code batch} keys created before {@code expiredBefore}; returns how many. */
    int deleteExpired(Instant expiredBefore, int batch) {
        return jdbc.sql("""
                DELETE FROM idempotency_keys
                WHERE idempotency_key IN (SELECT idempotency_key FROM idempotency_keys
                                          WHERE created_at < :expiredBefore
                                          LIMIT :batch
                                          FOR UPDATE SKIP LOCKED)
                """)
                .param("expiredBefore", Timestamp.from(expiredBefore))
                .param("batch", batch)
                .update();
    }
}
