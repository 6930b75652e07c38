-- Where the audit chain starts after its oldest records were deleted for retention (docs/audit.md):
-- the last deleted record's position and hash, which the first kept record points back to, signed
-- with a key derived from the master key. Append-only: verification starts from the newest.
CREATE TABLE audit_checkpoint (
    chain_position BIGINT      NOT NULL PRIMARY KEY,
    record_hash    BYTEA       NOT NULL,
    pruned_at      TIMESTAMPTZ NOT NULL,
    records_pruned BIGINT      NOT NULL,
    signature      BYTEA       NOT NULL
);
