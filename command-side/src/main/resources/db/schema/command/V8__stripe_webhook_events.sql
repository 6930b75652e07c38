-- Stripe webhook events Keel has acted on, by Stripe's event id: Stripe delivers at least once and
-- resends an event until it gets a 2xx, so a replayed id is answered without acting again.
CREATE TABLE stripe_webhook_event (
    event_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    event_type  VARCHAR(128) NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);
