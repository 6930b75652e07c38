-- Written in the same transaction as the events a command appends, so a retried request and a
-- set-wide rule (one SKU, one email) hold even under concurrency and crashes.

CREATE TABLE idempotency_record (
    actor           VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    result_type     VARCHAR(255),
    result_revision VARCHAR(64),
    result          BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);

CREATE TABLE unique_claim (
    scope      VARCHAR(64)  NOT NULL,
    value      VARCHAR(512) NOT NULL,
    owner_id   VARCHAR(255) NOT NULL,
    claimed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, value)
);
