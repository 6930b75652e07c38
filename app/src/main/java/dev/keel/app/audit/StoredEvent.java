package dev.keel.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event exactly as the event store holds it: its columns, payload and metadata as stored bytes
 * (personal fields as their ciphertext), so its hash never depends on a key that may be erased.
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String aggregateType, String payloadType, String payloadRevision, String timeStamp,
                   byte[] payload, byte[] metaData) implements AuditedEvent {

    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    /** Reads the {@link #COLUMNS}; {@code null} when the row has no event (a LEFT JOIN that found none). */
    static StoredEvent from(ResultSet row) throws SQLException {
        long globalIndex = row.getLong("global_index");
        if (row.wasNull()) {
            return null;
        }
        return new StoredEvent(globalIndex, row.getString("event_identifier"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("type"), row.getString("payload_type"),
                row.getString("payload_revision"), row.getString("time_stamp"), row.getBytes("payload"),
                row.getBytes("meta_data"));
    }

    @Override
    public EventHashForm form() {
        return EventHashForm.STORED_ROW;
    }

    /** SHA-256 over every stored column, each length-prefixed so no two events encode alike. */
    @Override
    public byte[] hash() {
        return ChainHashes.digest()
                .add(globalIndex).add(eventIdentifier).add(aggregateIdentifier).add(sequenceNumber)
                .add(aggregateType).add(payloadType).add(payloadRevision).add(timeStamp)
                .add(payload).add(metaData)
                .finish();
    }
}
