-- Receipts of captured payments (group receipt-table); the order's lines and totals are read from
-- customer_order with it.
CREATE TABLE receipt (
    receipt_number    VARCHAR(32)  NOT NULL PRIMARY KEY,
    order_id          UUID         NOT NULL UNIQUE,
    customer_id       UUID         NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    payment_reference VARCHAR(255) NOT NULL,
    issued_at         TIMESTAMPTZ  NOT NULL
);
