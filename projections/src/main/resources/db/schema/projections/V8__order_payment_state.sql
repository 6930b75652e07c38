-- Where each order's payment is, so an app can tell its customer that an attempt was declined (and
-- STAFF see a refusal that needs them). No row: no attempt yet (NONE). Orders whose payment events came
-- before this migration show none until the order-table projection is replayed.
ALTER TABLE customer_order
    ADD COLUMN payment_status  VARCHAR(16),
    ADD COLUMN payment_attempt INTEGER,
    ADD COLUMN payment_reason  VARCHAR(255);
