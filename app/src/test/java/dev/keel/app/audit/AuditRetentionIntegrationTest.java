package dev.keel.app.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit retention with a clock set a retention period after a product's first record: everything
 * older goes, that product's records stay, and the chain still verifies from the signed checkpoint.
 * It deletes the start of the test JVM's chain, as retention would; later tests link new records.
 */
class AuditRetentionIntegrationTest extends KeelIntegrationTest {

    private static final Duration RETENTION = Duration.ofDays(400);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditPruning pruning;
    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void recordsOlderThanTheRetentionGoAndTheChainVerifiesFromTheirSignedCheckpoint() {
        String old = catalog.createProduct("Retention old", 100);
        long oldPosition = awaitRecord(old);
        String kept = catalog.createProduct("Retention kept", 100);
        long keptPosition = awaitRecord(kept);
        Instant keptAt = jdbc.sql("SELECT occurred_at FROM audit_record WHERE chain_position = ?").param(keptPosition)
                .query(OffsetDateTime.class).single().toInstant();
        var retention = new AuditRetention(pruning, RETENTION, Clock.fixed(keptAt.plus(RETENTION), ZoneOffset.UTC));

        AuditCheckpoint checkpoint = retention.sweep().orElseThrow();

        assertThat(checkpoint.chainPosition()).isBetween(oldPosition, keptPosition - 1);
        assertThat(records(old)).as("older than the retention").isZero();
        assertThat(records(kept)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT min(chain_position) FROM audit_record").query(Long.class).single())
                .isEqualTo(checkpoint.chainPosition() + 1);
        Map<?, ?> verification = verify();
        assertThat(verification.get("intact")).as("%s", verification).isEqualTo(true);
        assertThat(((Number) verification.get("startsAfter")).longValue()).isEqualTo(checkpoint.chainPosition());
        assertThat(((Number) verification.get("headPosition")).longValue()).isGreaterThanOrEqualTo(keptPosition);
        assertThat(retention.sweep()).as("nothing more is old enough").isEmpty();
    }

    @Test
    void retentionReachesTheSearchIndex() throws java.io.IOException {
        String old = catalog.createProduct("Retention indexed old", 100);
        long oldPosition = awaitRecord(old);
        String kept = catalog.createProduct("Retention indexed kept", 100);
        long keptPosition = awaitRecord(kept);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> indexed(keptPosition, keptPosition) == 1);
        assertThat(indexed(oldPosition, oldPosition)).as("indexed before retention").isEqualTo(1);
        Instant keptAt = jdbc.sql("SELECT occurred_at FROM audit_record WHERE chain_position = ?").param(keptPosition)
                .query(OffsetDateTime.class).single().toInstant();

        AuditCheckpoint checkpoint = new AuditRetention(pruning, RETENTION,
                Clock.fixed(keptAt.plus(RETENTION), ZoneOffset.UTC)).sweep().orElseThrow();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> indexed(0, checkpoint.chainPosition()) == 0);
        assertThat(indexed(keptPosition, keptPosition)).as("newer than the retention").isEqualTo(1);
        assertThat(web.get().uri("/v1/audit?aggregateId=" + old)
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("records"))
                .asList().isEmpty();
    }

    /** How many documents of the audit index lie between the positions (inclusive), looked up in it directly. */
    long indexed(long from, long to) throws java.io.IOException {
        return elasticsearch.count(count -> count.index(AuditIndex.ALIAS).query(query -> query.range(range -> range
                .number(number -> number.field("chainPosition").gte((double) from).lte((double) to))))).count();
    }

    @Test
    void aCheckpointMovedOnIsFound() {
        String product = catalog.createProduct("Retention tamper", 100);
        long position = awaitRecord(product);
        Instant at = jdbc.sql("SELECT occurred_at FROM audit_record WHERE chain_position = ?").param(position)
                .query(OffsetDateTime.class).single().toInstant();
        new AuditRetention(pruning, RETENTION, Clock.fixed(at.plus(RETENTION), ZoneOffset.UTC)).sweep();
        AuditCheckpoint checkpoint = pruning.latest();
        assertThat(verify().get("intact")).isEqualTo(true);

        try {
            // moving the checkpoint on, to hide deleted records after it, needs the master key
            jdbc.sql("UPDATE audit_checkpoint SET chain_position = chain_position + 1 WHERE chain_position = ?")
                    .param(checkpoint.chainPosition()).update();
            Map<?, ?> verification = verify();
            assertThat(verification.get("intact")).isEqualTo(false);
            assertThat((String) verification.get("problem")).contains("checkpoint");
        } finally {
            jdbc.sql("UPDATE audit_checkpoint SET chain_position = ? WHERE chain_position = ?")
                    .params(checkpoint.chainPosition(), checkpoint.chainPosition() + 1).update();
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void aZeroRetentionDeletesNothing() {
        String product = catalog.createProduct("Retention off", 100);
        awaitRecord(product);

        var retention = new AuditRetention(pruning, Duration.ZERO, Clock.fixed(Instant.parse("2999-01-01T00:00:00Z"),
                ZoneOffset.UTC));

        assertThat(retention.sweep()).isEqualTo(Optional.empty());
        assertThat(records(product)).isEqualTo(1);
    }

    long awaitRecord(String aggregateId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT chain_position FROM audit_record WHERE aggregate_id = ?").param(aggregateId)
                .query(Long.class).optional().orElse(-1L), position -> position > 0);
    }

    long records(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE aggregate_id = ?").param(aggregateId)
                .query(Long.class).single();
    }

    Map<?, ?> verify() {
        return web.get().uri("/v1/audit/verification")
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
