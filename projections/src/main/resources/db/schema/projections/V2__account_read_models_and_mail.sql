-- The account read model: personal data decrypted (it is rebuilt from the events, so erasing a
-- person's key and replaying erases them here too).
CREATE TABLE account (
    account_id     UUID         NOT NULL PRIMARY KEY,
    email          VARCHAR(320) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    email_verified BOOLEAN      NOT NULL,
    roles          TEXT[]       NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- Sessions per account, for "my sessions"; revoked ones keep their row with revoked_at set.
CREATE TABLE account_session (
    session_id        UUID         NOT NULL PRIMARY KEY,
    account_id        UUID         NOT NULL,
    device_id         VARCHAR(128) NOT NULL,
    method            VARCHAR(16)  NOT NULL,
    started_at        TIMESTAMPTZ  NOT NULL,
    last_refreshed_at TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ  NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_reason    VARCHAR(32),
    version           BIGINT       NOT NULL
);
CREATE INDEX account_session_account ON account_session (account_id, started_at DESC);

-- Tokens of mailed links (verification, reset): only their SHA-256. The mailer creates the token,
-- mails it and stores the hash; the command side maps a presented token back to its request.
CREATE TABLE one_time_token (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    purpose    VARCHAR(32) NOT NULL,
    account_id UUID        NOT NULL,
    request_id UUID        NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Events whose mail went out, so a redelivered event sends nothing twice.
CREATE TABLE sent_mail (
    event_id VARCHAR(255) NOT NULL PRIMARY KEY,
    sent_at  TIMESTAMPTZ  NOT NULL
);
