package dev.keel.app.audit;

import dev.keel.app.database.UnlimitedConnections;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Fills the event store and the audit chain at volume without the processor, for {@link AuditSpeedBench}:
 * raw inserts of events, then one cursor over them in global order and one {@code COPY} of the records
 * {@link AuditRecord#link} makes from them, so each record is the one the audit-trail processor would
 * have written for the same stored bytes and metadata. The processor must not run meanwhile.
 */
final class AuditBulkFill {

    private static final int INSERT_BATCH = 100_000;
    private static final String RECORD_COLUMNS = "chain_position, global_index, event_identifier, event_type, "
            + "aggregate_type, aggregate_id, aggregate_sequence, occurred_at, actor, roles, correlation_id, "
            + "causation_id, personal_data_of, client_ip, device_id, event_hash, previous_hash, record_hash";

    /** What the processor takes from the delivered message's metadata rather than from the stored row. */
    record Stamp(String actor, String roles, String correlationId, String causationId) {
    }

    private final DataSource unlimited;
    private final JsonMapper json;

    AuditBulkFill(DataSource pooled, JsonMapper json) {
        this.unlimited = UnlimitedConnections.of(pooled);
        this.json = json;
    }

    /** Appends {@code count} events carrying {@code metadata}, as {@code AuditSpeedBench} always stored them. */
    void insertEvents(int count, byte[] metadata) throws SQLException {
        try (Connection connection = unlimited.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                         meta_data, payload, payload_type, time_stamp)
                     SELECT gen_random_uuid()::text, 0, 'Bench', gen_random_uuid()::text, ?,
                         convert_to('{"n":' || g || ',"pad":"' || repeat('x', 200) || '"}', 'UTF8'),
                         'dev.keel.bench.BenchEvent',
                         to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                     FROM generate_series(1, ?) g""")) {
            for (int stored = 0; stored < count; stored += INSERT_BATCH) {
                insert.setBytes(1, metadata);
                insert.setInt(2, Math.min(INSERT_BATCH, count - stored));
                insert.executeUpdate();
            }
        }
    }

    /** Links every stored event after {@code afterGlobalIndex} onto the chain's head. @return records written */
    long link(long afterGlobalIndex, Stamp stamp) throws SQLException, IOException {
        try (Connection reading = unlimited.getConnection(); Connection writing = unlimited.getConnection()) {
            AuditRecord.Head head = head(reading);
            reading.setAutoCommit(false);
            long written = 0;
            try (PreparedStatement events = reading.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM domain_event_entry e WHERE e.global_index > ? ORDER BY e.global_index");
                 Writer copy = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(
                         writing.unwrap(PGConnection.class), "COPY audit_record (" + RECORD_COLUMNS + ") FROM STDIN"),
                         StandardCharsets.UTF_8), 1 << 16)) {
                events.setFetchSize(10_000);
                events.setLong(1, afterGlobalIndex);
                try (ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        StoredEvent event = StoredEvent.from(rows);
                        AuditRecord record = AuditRecord.link(head, event, stamp.actor(), stamp.roles(),
                                stamp.correlationId(), stamp.causationId(), Origin.of(event.metaData(), json));
                        writeLine(copy, record);
                        head = record.head();
                        written++;
                    }
                }
            }
            reading.commit();
            return written;
        }
    }

    /** Sets hint bits and statistics, so no measured walk pays for the fill's first reading. */
    void vacuum() throws SQLException {
        try (Connection connection = unlimited.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) domain_event_entry");
            statement.execute("VACUUM (ANALYZE) audit_record");
        }
    }

    private static AuditRecord.Head head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT chain_position, record_hash FROM audit_record ORDER BY chain_position DESC LIMIT 1")) {
            return row.next() ? new AuditRecord.Head(row.getLong(1), row.getBytes(2)) : AuditRecord.Head.EMPTY;
        }
    }

    private static void writeLine(Writer copy, AuditRecord r) throws IOException {
        Object[] fields = {r.chainPosition(), r.globalIndex(), r.eventIdentifier(), r.eventType(), r.aggregateType(),
                r.aggregateId(), r.aggregateSequence(), r.occurredAt(), r.actor(), r.roles(), r.correlationId(),
                r.causationId(), r.origin().personalDataOf(), r.origin().clientIp(), r.origin().deviceId(),
                r.eventHash(), r.previousHash(), r.recordHash()};
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                copy.write('\t');
            }
            copy.write(text(fields[i]));
        }
        copy.write('\n');
    }

    /** COPY's text format: \N for null, backslash escapes, bytea as \\x and hex. */
    private static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof byte[] bytes) {
            return "\\\\x" + HexFormat.of().formatHex(bytes);
        }
        return value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
