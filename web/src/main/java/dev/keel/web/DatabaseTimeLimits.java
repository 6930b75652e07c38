package dev.keel.web;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A statement PostgreSQL cancelled at its {@code statement_timeout} or {@code lock_timeout}: the
 * database is too slow or too contended right now, and nothing of the statement's work stayed. For
 * the caller that is an overload, like a full queue, not a failure of ours.
 */
public final class DatabaseTimeLimits {

    private static final String QUERY_CANCELED = "57014";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private DatabaseTimeLimits() {
    }

    /** @return 503 {@code overloaded} when a database time limit ended {@code failure}, else {@code failure} */
    public static Throwable asOverload(Throwable failure) {
        return isTimeLimit(failure)
                ? Problems.overloaded(Duration.ofSeconds(1), "The database took too long to answer this request")
                : failure;
    }

    /** @return whether PostgreSQL cancelled the statement behind {@code failure} at one of its time limits */
    public static boolean isTimeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (QUERY_CANCELED.equals(sql.getSQLState()) || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
