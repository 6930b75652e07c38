package dev.keel.app.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon's JDBC event store that an append hit PostgreSQL's unique key on (aggregate, sequence
 * number): another node (or transaction) appended to the same aggregate first. Axon then raises a
 * {@code ConcurrencyException}, which the command side retries with fresh state. Axon's
 * {@code JdbcSQLErrorCodesResolver} only knows {@code SQLIntegrityConstraintViolationException}, which
 * the PostgreSQL driver never throws, so the clash surfaced as a 500 {@code EventStoreException}.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    /** PostgreSQL's SQLSTATE unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** A batch's failure may carry the statement's own in its chain of next exceptions. */
    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException each = sql; each != null; each = each.getNextException()) {
            if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
