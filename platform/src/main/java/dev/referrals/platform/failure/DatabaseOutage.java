package dev.referrals.platform.failure;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database itself (it cannot be reached, a connection was lost or timed out) from a statement
 * the database refused, by any exception in the cause chain. An answer to a request and a read-model record react to
 * an outage differently (503 with {@code Retry-After}; retried until it is over), but recognise it the same way.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * The database cannot be reached: Spring's data-access failures of that kind ({@code CannotGetJdbcConnection},
     * resource failures, query timeouts), the driver's connection errors, or a transaction that could not begin
     * because the pool had no connection to give.
     */
    public static boolean isUnreachable(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof QueryTimeoutException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof CannotCreateTransactionException);
    }

    /** Unreachable, or any failure Spring calls transient: the same work may succeed later, unchanged. */
    public static boolean isTransient(Throwable failure) {
        return isUnreachable(failure) || Causes.any(failure, TransientDataAccessException.class::isInstance);
    }
}
