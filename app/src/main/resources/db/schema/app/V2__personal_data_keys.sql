-- One data key per person (crypto-shredding), wrapped (AES-GCM) by the master key. Deleting a row
-- erases that person's personal fields from every stored event without rewriting the events.
CREATE TABLE personal_data_key (
    subject_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    wrapped_key BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
