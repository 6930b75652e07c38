package dev.keel.bench.command;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A row of {@code domain_event_entry} exactly as the app wrote it for one real command, used as the
 * template for the baselines' rows and the projection backlog: same columns, same payload and
 * metadata sizes, only ids and names changed (to values of the same length).
 */
public record EventRow(String aggregateId, long sequenceNumber, String type, String payloadType,
                       String payloadRevision, String payload, byte[] metadata) {

    public static EventRow read(Connection connection, String aggregateId, long sequenceNumber) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT type, payload_type, payload_revision, payload, meta_data FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = ?""")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequenceNumber);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No event " + aggregateId + "/" + sequenceNumber + " in domain_event_entry");
                }
                return new EventRow(aggregateId, sequenceNumber, row.getString(1), row.getString(2), row.getString(3),
                        new String(row.getBytes(4), StandardCharsets.UTF_8), row.getBytes(5));
            }
        }
    }

    /** The payload with the aggregate id and any other placeholders replaced; each replacement keeps the length. */
    public byte[] payloadFor(String newAggregateId, String... replacements) {
        String text = payload.replace(aggregateId, newAggregateId);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (replacements[i].length() != replacements[i + 1].length()) {
                throw new IllegalArgumentException("replacement changes the payload size: " + replacements[i + 1]);
            }
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
