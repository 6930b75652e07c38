-- Push notifications (issue 13): the devices each account registered, its push choices, the record
-- of pushes sent (so a redelivered event pushes nothing twice) and the in-app inbox.

-- One row per device of an account; a token belongs to one device at a time (its newest registration).
CREATE TABLE push_device (
    account_id    UUID        NOT NULL,
    device_id     TEXT        NOT NULL,
    fcm_token     TEXT        NOT NULL UNIQUE,
    platform      TEXT        NOT NULL,
    locale        TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, device_id)
);

-- Only the choices made; no row: the category's default (service categories on, marketing off).
CREATE TABLE push_preference (
    account_id UUID    NOT NULL,
    category   TEXT    NOT NULL,
    push       BOOLEAN NOT NULL,
    PRIMARY KEY (account_id, category)
);

-- A push accepted by FCM (or dropped because FCM refused the token for good), per event and device.
-- Written in a transaction of its own right after FCM answered, before the event's batch commits.
CREATE TABLE sent_push (
    event_id   TEXT        NOT NULL,
    account_id UUID        NOT NULL,
    device_id  TEXT        NOT NULL,
    outcome    TEXT        NOT NULL,
    message_id TEXT,
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, account_id, device_id)
);
CREATE INDEX sent_push_account ON sent_push (account_id);

-- The in-app inbox: every notification, pushed or not. seq orders it for the cursor.
CREATE TABLE notification (
    seq             BIGSERIAL   NOT NULL UNIQUE,
    notification_id UUID        NOT NULL PRIMARY KEY,
    account_id      UUID        NOT NULL,
    category        TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    subject_id      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    read_at         TIMESTAMPTZ
);
CREATE INDEX notification_account ON notification (account_id, seq DESC);
