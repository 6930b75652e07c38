-- The catalog read model: one row per product, at the version of its last applied event.
CREATE TABLE product (
    product_id  UUID         NOT NULL PRIMARY KEY,
    sku         VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NOT NULL,
    price_minor BIGINT       NOT NULL,
    currency    CHAR(3)      NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
