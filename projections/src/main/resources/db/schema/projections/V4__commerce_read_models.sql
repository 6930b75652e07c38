-- The read side of the commerce core (issue 10): product facts and stock, orders, and the change
-- logs that live updates and offline sync read.

-- Products made before have no category, no pictures and are not archived.
ALTER TABLE product
    ADD COLUMN category   TEXT,
    ADD COLUMN image_urls TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN archived   BOOLEAN NOT NULL DEFAULT FALSE;

-- A product's stock as the level with the highest sequence left it. A table of its own: order events
-- (other aggregates, so other segments) may bring a level before the product's row exists. No row:
-- unlimited (products made before stock existed).
CREATE TABLE product_stock (
    product_id UUID   NOT NULL PRIMARY KEY,
    stock      BIGINT,
    available  BIGINT,
    sequence   BIGINT NOT NULL
);

-- The one counter of both change logs below. A batch takes its numbers under this row's lock just
-- before it commits and holds the lock until it has, so numbers are handed out in commit order:
-- whoever sees change n can already see every change before it. Global event positions do not have
-- that property (a transaction that started earlier may commit later), which is why the logs are
-- read by seq and keep the position only to name the event to clients.
CREATE TABLE change_sequence (
    id   SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    last BIGINT   NOT NULL
);
INSERT INTO change_sequence (id, last) VALUES (1, 0);

-- Every product event, for offline sync. Products made before this log have one row each, with the
-- negative of its seq as position (their events' positions are not known here).
CREATE TABLE catalog_change (
    seq        BIGINT      NOT NULL PRIMARY KEY,
    position   BIGINT      NOT NULL UNIQUE,
    product_id UUID        NOT NULL,
    event_type VARCHAR(64) NOT NULL
);
INSERT INTO catalog_change (seq, position, product_id, event_type)
SELECT n, -n, product_id, 'ProductCreated'
FROM (SELECT product_id, row_number() OVER (ORDER BY created_at, product_id) AS n FROM product) AS existing;
UPDATE change_sequence SET last = (SELECT count(*) FROM catalog_change);

-- Orders as clients read them; lines as JSON (OrderLine), totals in the order's one currency.
CREATE TABLE customer_order (
    order_id       UUID        NOT NULL PRIMARY KEY,
    customer_id    UUID        NOT NULL,
    status         VARCHAR(16) NOT NULL,
    version        BIGINT      NOT NULL,
    lines          JSONB       NOT NULL,
    currency       CHAR(3)     NOT NULL,
    subtotal_minor BIGINT      NOT NULL,
    discount_minor BIGINT      NOT NULL,
    tax_minor      BIGINT      NOT NULL,
    total_minor    BIGINT      NOT NULL,
    promotion_code VARCHAR(64),
    placed_at      TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX customer_order_mine ON customer_order (customer_id, placed_at DESC, order_id DESC);
CREATE INDEX customer_order_queue ON customer_order (status, placed_at, order_id);

-- Every order event, for the live stream and offline sync: what a client needs to route and show it.
CREATE TABLE order_change (
    seq         BIGINT      NOT NULL PRIMARY KEY,
    position    BIGINT      NOT NULL UNIQUE,
    order_id    UUID        NOT NULL,
    customer_id UUID        NOT NULL,
    event_type  VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    version     BIGINT      NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_change_customer ON order_change (customer_id, seq);
