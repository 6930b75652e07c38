package dev.keel.app.audit;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.database.UnlimitedConnections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the suite (its name ends in Bench): {@code bench/audit} runs it. Two phases, each
 * against its baseline in the same run:
 * <ol>
 * <li>Linking: stores {@code bench.audit.link-events} events with one raw insert and times the
 *     audit-trail processor linking them, against that insert.</li>
 * <li>Reading at volume: with every processor stopped, stores {@code bench.audit.events} more events and
 *     their records directly ({@link AuditBulkFill}: the records {@link AuditRecord#link} makes, checked
 *     against one the processor wrote), then times the verification (it must find the chain intact,
 *     every record verified) against a plain hashing loop over the same bytes, and the CSV and NDJSON
 *     exports (read to the last line) against PostgreSQL's own {@code COPY ... TO STDOUT}.</li>
 * </ol>
 * Writes {@code target/bench/audit.md}.
 */
class AuditSpeedBench extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    AuditSearchIndexer indexer;

    @Test
    void measure() throws Exception {
        int linkEvents = Integer.getInteger("bench.audit.link-events", 20_000);
        int events = Integer.getInteger("bench.audit.events", 1_000_000);
        String load = loadAverage();
        var fill = new AuditBulkFill(dataSource, json);
        String product = catalog.createProduct("Bench template", 100);
        byte[] metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(product).query(byte[].class).single();

        var batches = new BatchWatch();
        EventProcessor trail = processing.eventProcessor(AuditTrailProjection.GROUP).orElseThrow();
        trail.registerHandlerInterceptor(batches);
        long inserting = System.nanoTime();
        fill.insertEvents(linkEvents, metadata);
        double insertSeconds = seconds(inserting);
        long linkHead = headIndex();
        long linking = System.nanoTime();
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_record WHERE global_index = ?").param(linkHead).query(Long.class).single() == 1);
        double linkSeconds = seconds(linking);
        AuditBulkFill.Stamp stamp = sameAsProcessor(linkHead);

        // the bulk records must not race the processor, and no processor may compete with the measured reads
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        indexer.stop();
        long filling = System.nanoTime();
        fill.insertEvents(events, metadata);
        long linked = fill.link(linkHead, stamp);
        fill.vacuum();
        double fillSeconds = seconds(filling);
        long records = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
        assertThat(linked).isEqualTo(events);

        WebTestClient slow = web.mutate().responseTimeout(Duration.ofHours(1)).build();
        String token = tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE");

        long verifying = System.nanoTime();
        Map<?, ?> verification = slow.get().uri("/v1/audit/verification").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        double verifySeconds = seconds(verifying);
        assertThat(verification.get("intact")).as("%s", verification).isEqualTo(true);
        assertThat(((Number) verification.get("recordsVerified")).longValue()).isEqualTo(records);

        long hashing = System.nanoTime();
        long hashed = hashLoop();
        double hashSeconds = seconds(hashing);
        assertThat(hashed).isEqualTo(records);

        Export csv = export(slow, token, "CSV");
        assertThat(csv.lines).isEqualTo(records + 1);
        Export copiedCsv = copy("COPY (SELECT " + EXPORTED + " FROM audit_record ORDER BY chain_position)"
                + " TO STDOUT (FORMAT csv, HEADER)");
        Export ndjson = export(slow, token, "NDJSON");
        assertThat(ndjson.lines).isEqualTo(records);
        Export copiedJson = copy("COPY (SELECT row_to_json(r) FROM (SELECT " + EXPORTED
                + " FROM audit_record ORDER BY chain_position) r) TO STDOUT");

        String report = String.format("""
                        commit %s; load average (1, 5, 15 min) at start %s, at end %s; %d cores
                        
                        | figure | Keel | baseline | ratio |
                        |---|---|---|---|
                        | linking %d events (audit-trail processor, records/s) | %.0f | %.0f (the events' own raw INSERT ... SELECT) | %.3f |
                        | bulk fill of %d events and records (the bench's own, not Keel's) | %.1f s | | |
                        | verification of %d records (records/s) | %.0f (%.1f s) | %.0f (hash loop over the same bytes) | %.2f |
                        | CSV export (records/s) | %.0f (%d bytes) | %.0f (COPY ... csv, %d bytes) | %.2f |
                        | NDJSON export (records/s) | %.0f (%d bytes) | %.0f (COPY of row_to_json, %d bytes) | %.2f |
                        
                        audit-trail batches while linking: %s
                        """, System.getProperty("bench.audit.commit", "unknown"), load, loadAverage(),
                Runtime.getRuntime().availableProcessors(),
                linkEvents, linkEvents / linkSeconds, linkEvents / insertSeconds, insertSeconds / linkSeconds,
                events, fillSeconds,
                records, records / verifySeconds, verifySeconds, hashed / hashSeconds, hashSeconds / verifySeconds,
                records / csv.seconds, csv.bytes, records / copiedCsv.seconds, copiedCsv.bytes, copiedCsv.seconds / csv.seconds,
                records / ndjson.seconds, ndjson.bytes, records / copiedJson.seconds, copiedJson.bytes,
                copiedJson.seconds / ndjson.seconds,
                batches.summary());
        System.out.println(report);
        Path out = Path.of("..", "target", "bench", "audit.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static final String EXPORTED = "chain_position, global_index, event_identifier, event_type, aggregate_type, "
            + "aggregate_id, aggregate_sequence, occurred_at, actor, roles, correlation_id, causation_id, client_ip, "
            + "device_id, encode(record_hash, 'hex') AS record_hash";

    /**
     * What the processor took from the bench events' metadata (they all carry the same), read from the
     * last record it wrote, and proof that {@link AuditRecord#link} given it makes that very record.
     */
    private AuditBulkFill.Stamp sameAsProcessor(long globalIndex) {
        AuditRecord written = jdbc.sql("SELECT " + AuditRecord.COLUMNS + " FROM audit_record a WHERE a.global_index = ?")
                .param(globalIndex).query((row, n) -> AuditRecord.from(row)).single();
        AuditRecord.Head before = jdbc.sql("SELECT chain_position, record_hash FROM audit_record WHERE chain_position = ?")
                .param(written.chainPosition() - 1)
                .query((row, n) -> new AuditRecord.Head(row.getLong(1), row.getBytes(2))).single();
        StoredEvent event = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e WHERE e.global_index = ?")
                .param(globalIndex).query((row, n) -> StoredEvent.from(row)).single();
        var stamp = new AuditBulkFill.Stamp(written.actor(), written.roles(), written.correlationId(), written.causationId());
        AuditRecord made = AuditRecord.link(before, event, stamp.actor(), stamp.roles(), stamp.correlationId(),
                stamp.causationId(), Origin.of(event.metaData(), json));
        assertThat(Arrays.equals(made.recordHash(), written.recordHash()))
                .as("the bench links as the processor does").isTrue();
        return stamp;
    }

    private long headIndex() {
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
    }

    private Export export(WebTestClient slow, String token, String format) {
        long exporting = System.nanoTime();
        var counted = new CountingStream();
        slow.get().uri("/v1/audit/export?format=" + format).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().returnResult(DataBuffer.class).getResponseBody()
                .doOnNext(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    counted.write(bytes, 0, bytes.length);
                    DataBufferUtils.release(buffer);
                }).blockLast(Duration.ofHours(1));
        return new Export(counted.bytes, counted.lines, seconds(exporting));
    }

    /** The baseline for verification: the same rows through a cursor, each event and record hashed. */
    private long hashLoop() {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(AuditReads.FETCH_SIZE);
        AtomicLong count = new AtomicLong();
        new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status ->
                cursor.query("SELECT " + AuditRecord.COLUMNS + ", " + StoredEvent.COLUMNS
                        + " FROM audit_record a LEFT JOIN domain_event_entry e ON e.global_index = a.global_index"
                        + " ORDER BY a.chain_position", row -> {
                    StoredEvent.from(row).hash();
                    AuditRecord.from(row).hash();
                    count.incrementAndGet();
                }));
        return count.get();
    }

    /** The baseline for export: PostgreSQL writes the same columns itself. */
    private Export copy(String sql) throws Exception {
        long copying = System.nanoTime();
        try (Connection connection = UnlimitedConnections.of(dataSource).getConnection()) {
            CountingStream counted = new CountingStream();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, counted);
            return new Export(counted.bytes, counted.lines, seconds(copying));
        }
    }

    /** The 1, 5 and 15 minute load averages of the whole machine, other builds included. */
    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private record Export(long bytes, long lines, double seconds) {
    }

    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
