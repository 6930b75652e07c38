package dev.keel.app.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A server-side cursor over audit records: a read-only transaction and a fetch size, so PostgreSQL
 * sends {@link AuditReads#FETCH_SIZE} rows at a time and the driver never holds the whole result.
 * It owns its connection until {@link #close()}: an export may take long, and a pooled transaction
 * template would hold the rows' whole span in one callback.
 */
final class AuditCursor implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private long read;

    private AuditCursor(Connection connection, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    static AuditCursor open(DataSource dataSource, AuditFilter filter) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            AuditFilter.Where where = filter.where(0);
            PreparedStatement statement = connection.prepareStatement("SELECT " + AuditRecord.COLUMNS
                    + " FROM audit_record a WHERE " + where.sql() + " ORDER BY a.chain_position");
            statement.setFetchSize(AuditReads.FETCH_SIZE);
            for (int i = 0; i < where.params().size(); i++) {
                statement.setObject(i + 1, where.params().get(i));
            }
            return new AuditCursor(connection, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** @return the next record, or null after the last */
    AuditRecord next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        read++;
        return AuditRecord.from(rows);
    }

    /** How many records this cursor has handed out so far. */
    long read() {
        return read;
    }

    @Override
    public void close() throws SQLException {
        try (connection; statement; rows) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
    }
}
