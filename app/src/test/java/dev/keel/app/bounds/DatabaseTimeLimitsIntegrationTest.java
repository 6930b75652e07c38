package dev.keel.app.bounds;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.database.DatabaseTimeouts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's connections give up on slow statements and on waits for locks, and say 503. */
class DatabaseTimeLimitsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseTimeouts timeouts;

    @Test
    void everyPooledConnectionHasTheConfiguredLimits() {
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                .isEqualTo(timeouts.statementTimeout().toSeconds() + "s");
        assertThat(jdbc.sql("SHOW lock_timeout").query(String.class).single())
                .isEqualTo(timeouts.lockTimeout().toSeconds() + "s");
    }

    /**
     * Another writer holds the product's next event uncommitted, as another node would in the middle
     * of its transaction: the command waits for it at most the lock timeout, gets 503, and the same
     * request (same Idempotency-Key) succeeds once the other writer is gone.
     */
    @Test
    void aCommandWaitingTooLongForALockGets503AndLeavesNothingSoTheSameRequestLaterSucceeds() throws Exception {
        String productId = catalog.createProduct("Contended mug", 1000);
        String key = UUID.randomUUID().toString();
        try (Connection otherWriter = connect()) {
            otherWriter.setAutoCommit(false);
            try (var insert = otherWriter.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                    payload, payload_type, time_stamp)
                    VALUES (?, 1, 'Product', ?, '\\x7b7d', 'held.by.another.Writer', '2026-01-01T00:00:00Z')""")) {
                insert.setString(1, productId);
                insert.setString(2, UUID.randomUUID().toString());
                insert.executeUpdate();
            }

            reprice(productId, key)
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/overloaded");
            otherWriter.rollback();
        }

        reprice(productId, key).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    private WebTestClient.ResponseSpec reprice(String productId, String key) {
        return web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", key)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("amountMinor", 1500, "currency", "EUR"))
                .exchange();
    }

    private Connection connect() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }
}
