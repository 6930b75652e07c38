-- The audit trail: one row per stored event, in the order the audit-trail processor saw them, each
-- holding the hash of the stored event's bytes and of the row before (docs/audit.md). No personal
-- data beyond account ids: the actor is "user:<id>", "anonymous" or "system:<component>".
CREATE TABLE audit_record (
    chain_position     BIGINT       NOT NULL PRIMARY KEY,
    global_index       BIGINT       NOT NULL UNIQUE,
    event_identifier   VARCHAR(255) NOT NULL,
    event_type         VARCHAR(255) NOT NULL,
    aggregate_type     VARCHAR(255),
    aggregate_id       VARCHAR(255) NOT NULL,
    aggregate_sequence BIGINT       NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    actor              VARCHAR(255) NOT NULL,
    roles              VARCHAR(255) NOT NULL,
    correlation_id     VARCHAR(255),
    causation_id       VARCHAR(255),
    event_hash         BYTEA        NOT NULL,
    previous_hash      BYTEA        NOT NULL,
    record_hash        BYTEA        NOT NULL
);

CREATE INDEX audit_record_actor ON audit_record (actor, chain_position);
CREATE INDEX audit_record_aggregate ON audit_record (aggregate_id, chain_position);
CREATE INDEX audit_record_event_type ON audit_record (event_type, chain_position);
CREATE INDEX audit_record_occurred_at ON audit_record (occurred_at, chain_position);
