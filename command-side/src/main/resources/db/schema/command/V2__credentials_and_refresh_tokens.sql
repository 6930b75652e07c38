-- Secrets of the identity feature, written in the command's transaction and never in events.

-- Argon2id password hashes (PHC string format: algorithm, parameters, salt and hash).
CREATE TABLE account_credential (
    account_id    UUID         NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- SHA-256 of each opaque refresh token. A rotated token stays (rotated_at set) until it expires, so
-- presenting it again is recognised as reuse and revokes its session.
CREATE TABLE refresh_token (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    account_id UUID        NOT NULL,
    session_id UUID        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    rotated_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_expires_at ON refresh_token (expires_at);
