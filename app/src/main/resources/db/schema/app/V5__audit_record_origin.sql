-- Where each audited event came from: the client IP and device id exactly as the event's stored
-- metadata holds them, sealed under the key of personal_data_of (never plaintext), so erasing that
-- person's key erases them here too without changing a byte (docs/audit.md). NULL for records written
-- before this column existed and for events that stored no origin.
ALTER TABLE audit_record
    ADD COLUMN personal_data_of VARCHAR(255),
    ADD COLUMN client_ip        TEXT,
    ADD COLUMN device_id        TEXT;
