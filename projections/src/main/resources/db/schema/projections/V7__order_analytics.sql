-- What the order-analytics projection needs to write its index (issue 14), kept by that projection
-- alone, in its processor's transaction and event order: each product's category as of now (an
-- order line is filed under the category its product had when it was placed), and each order's line
-- count (a status event moves every line's document) and customer (erasure blanks their lines).
CREATE TABLE analytics_product (
    product_id UUID NOT NULL PRIMARY KEY,
    category   TEXT
);

CREATE TABLE analytics_order (
    order_id    UUID    NOT NULL PRIMARY KEY,
    customer_id UUID    NOT NULL,
    line_count  INTEGER NOT NULL
);

CREATE INDEX analytics_order_customer ON analytics_order (customer_id);
