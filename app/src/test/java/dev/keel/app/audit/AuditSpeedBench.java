package dev.keel.app.audit;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the suite (its name ends in Bench): {@code bench/audit} runs it. Stores
 * {@code bench.audit.events} events, lets the audit-trail processor link them, then times the
 * verification and the CSV export against their baselines on the same rows in the same run:
 * hashing the same stored bytes in a plain loop, and PostgreSQL's own {@code COPY ... TO STDOUT}.
 * Writes {@code target/bench/audit.md}.
 */
class AuditSpeedBench extends KeelIntegrationTest {

    private static final int BATCH = 50_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        int events = Integer.getInteger("bench.audit.events", 100_000);
        String product = catalog.createProduct("Bench template", 100);
        byte[] metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(product).query(byte[].class).single();
        long inserting = System.nanoTime();
        for (int stored = 0; stored < events; stored += BATCH) {
            // batches: the pooled connections' statement timeout bounds one statement
            jdbc.sql("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_type, time_stamp)
                        SELECT gen_random_uuid()::text, 0, 'Bench', gen_random_uuid()::text, ?,
                            convert_to('{"n":' || g || ',"pad":"' || repeat('x', 200) || '"}', 'UTF8'),
                            'dev.keel.bench.BenchEvent',
                            to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                        FROM generate_series(1, ?) g""").params(metadata, Math.min(BATCH, events - stored)).update();
        }
        double insertSeconds = seconds(inserting);
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();

        long linking = System.nanoTime();
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_record WHERE global_index = ?").param(head).query(Long.class).single() == 1);
        double linkSeconds = seconds(linking);
        long records = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();

        WebTestClient slow = web.mutate().responseTimeout(Duration.ofHours(1)).build();
        String token = tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE");

        long verifying = System.nanoTime();
        Map<?, ?> verification = slow.get().uri("/v1/audit/verification").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        double verifySeconds = seconds(verifying);
        assertThat(verification.get("intact")).isEqualTo(true);

        long hashing = System.nanoTime();
        long hashed = hashLoop();
        double hashSeconds = seconds(hashing);

        long exporting = System.nanoTime();
        AtomicLong exportedBytes = new AtomicLong();
        slow.get().uri("/v1/audit/export?format=CSV").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().returnResult(DataBuffer.class).getResponseBody()
                .doOnNext(buffer -> {
                    exportedBytes.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                }).blockLast(Duration.ofHours(1));
        double exportSeconds = seconds(exporting);

        long copying = System.nanoTime();
        long copiedBytes = copy();
        double copySeconds = seconds(copying);

        String report = String.format("""
                        | figure | Keel | baseline | ratio |
                        |---|---|---|---|
                        | events stored (raw INSERT ... SELECT) | %d in %.1f s | | |
                        | linking (audit-trail processor, records/s) | %.0f | %.0f (the events' own raw INSERT ... SELECT) | %.2f |
                        | verification (records/s) | %.0f | %.0f (hash loop over the same bytes) | %.2f |
                        | CSV export (records/s) | %.0f (%d bytes) | %.0f (COPY TO STDOUT, %d bytes) | %.2f |
                        records in the chain: %d
                        """, events, insertSeconds, events / linkSeconds, events / insertSeconds, insertSeconds / linkSeconds,
                records / verifySeconds, hashed / hashSeconds, hashSeconds / verifySeconds,
                records / exportSeconds, exportedBytes.get(), records / copySeconds, copiedBytes, copySeconds / exportSeconds,
                records);
        System.out.println(report);
        Path out = Path.of("..", "target", "bench", "audit.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The baseline for verification: the same rows through a cursor, each event and record hashed. */
    private long hashLoop() {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(AuditReads.FETCH_SIZE);
        AtomicLong count = new AtomicLong();
        new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource)).executeWithoutResult(status ->
                cursor.query("SELECT " + AuditRecord.COLUMNS + ", " + StoredEvent.COLUMNS
                        + " FROM audit_record a LEFT JOIN domain_event_entry e ON e.global_index = a.global_index"
                        + " ORDER BY a.chain_position", row -> {
                    StoredEvent.from(row).hash();
                    AuditRecord.from(row).hash();
                    count.incrementAndGet();
                }));
        return count.get();
    }

    /** The baseline for export: PostgreSQL writes the same columns as CSV itself. */
    private long copy() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            CountingStream counted = new CountingStream();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT chain_position, global_index, "
                    + "event_identifier, event_type, aggregate_type, aggregate_id, aggregate_sequence, occurred_at, "
                    + "actor, roles, correlation_id, causation_id, encode(record_hash, 'hex') FROM audit_record "
                    + "ORDER BY chain_position) TO STDOUT (FORMAT csv, HEADER)", counted);
            return counted.bytes;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
