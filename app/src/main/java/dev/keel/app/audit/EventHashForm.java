package dev.keel.app.audit;

/**
 * What a record's {@code event_hash} covers: the event store's row ({@link #STORED_ROW}, the JDBC
 * engine), or the event as delivered to the processor ({@link #MESSAGE}, an event store without that
 * row, as Axon Server). Stored in {@code audit_record.event_hash_form}; verification hashes each
 * record's event the same way.
 */
public enum EventHashForm {
    STORED_ROW("stored-row"),
    MESSAGE("message");

    final String column;

    EventHashForm(String column) {
        this.column = column;
    }

    static EventHashForm ofColumn(String column) {
        for (EventHashForm form : values()) {
            if (form.column.equals(column)) {
                return form;
            }
        }
        throw new IllegalArgumentException("No event hash form " + column);
    }
}
