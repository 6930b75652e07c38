package dev.keel.command.idempotency;

import dev.keel.embedded.postgres.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired records go in chunks, each statement far inside the database's time limit: one statement
 * deleting a day of a busy node's records could run past it and fail every hour.
 */
class IdempotencyCleanupIntegrationTest {

    private final EmbeddedPostgres postgres = EmbeddedPostgres.sharedEphemeral();
    private final String schema = "cleanup_" + UUID.randomUUID().toString().replace("-", "");
    private JdbcClient jdbc;

    @BeforeEach
    void createTable() {
        var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                postgres.username(), postgres.password());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE SCHEMA " + schema).update();
        jdbc.sql("""
                CREATE TABLE idempotency_record (
                    actor VARCHAR(200) NOT NULL, idempotency_key VARCHAR(255) NOT NULL,
                    fingerprint VARCHAR(64) NOT NULL, result_type VARCHAR(255), result_revision VARCHAR(64),
                    result BYTEA, created_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (actor, idempotency_key))""").update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void everyExpiredRecordGoesHoweverManyChunksItTakesAndTheLiveOnesStay() {
        jdbc.sql("""
                INSERT INTO idempotency_record (actor, idempotency_key, fingerprint, created_at)
                SELECT 'user:a', 'old-' || n, 'f', now() - interval '2 days' FROM generate_series(1, 25000) n""").update();
        jdbc.sql("""
                INSERT INTO idempotency_record (actor, idempotency_key, fingerprint, created_at)
                SELECT 'user:a', 'new-' || n, 'f', now() FROM generate_series(1, 10) n""").update();

        new IdempotencyStore(jdbc, null, new IdempotencyProperties(Duration.ofDays(1))).deleteExpired();

        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key LIKE 'old-%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key LIKE 'new-%'")
                .query(Long.class).single()).isEqualTo(10);
    }
}
