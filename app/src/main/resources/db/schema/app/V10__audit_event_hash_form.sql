-- Which hash a record's event_hash is (docs/audit.md, "Under Axon Server"): 'stored-row', over the
-- columns of the event's domain_event_entry row (the JDBC event store), or 'message', over the event
-- as the processor receives it from an event store without that row (Axon Server): the stored payload
-- bytes, the global index of its token and its metadata in a canonical form. Every record written
-- before this column is of the stored-row form.
ALTER TABLE audit_record
    ADD COLUMN event_hash_form VARCHAR(16) NOT NULL DEFAULT 'stored-row'
        CHECK (event_hash_form IN ('stored-row', 'message'));
