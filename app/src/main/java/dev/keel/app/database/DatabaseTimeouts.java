package dev.keel.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * PostgreSQL's {@code statement_timeout} and {@code lock_timeout} for every pooled connection
 * (README: Configuration), so a slow query or a lock held elsewhere cannot hold a committer, and
 * every command waiting behind it, without bound. Zero means no limit.
 *
 * @param statementTimeout the longest one statement may run
 * @param lockTimeout      the longest one statement may wait for a lock (a row another transaction
 *                         writes, an advisory lock, a table a reset truncates)
 */
@ConfigurationProperties("keel.database")
public record DatabaseTimeouts(@DefaultValue("30s") Duration statementTimeout,
                               @DefaultValue("5s") Duration lockTimeout) {

    public DatabaseTimeouts {
        if (statementTimeout.isNegative() || lockTimeout.isNegative()) {
            throw new IllegalArgumentException("Database time limits cannot be negative");
        }
    }

    /** Sets the limits on each new connection of the pool, after whatever it runs already. */
    public void applyTo(HikariDataSource pool) {
        String limits = "SET statement_timeout = " + statementTimeout.toMillis() + "; SET lock_timeout = "
                + lockTimeout.toMillis();
        String existing = pool.getConnectionInitSql();
        pool.setConnectionInitSql(existing == null || existing.isBlank() ? limits : existing + "; " + limits);
    }
}
