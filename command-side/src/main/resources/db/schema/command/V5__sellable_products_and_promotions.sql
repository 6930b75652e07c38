-- What orders need of products and promotions, kept by the Product and Promotion commands and
-- changed by the Order commands, always in the command's own transaction: a refused or rolled-back
-- command takes its reservations and promotion uses with it (docs/commerce.md).

CREATE TABLE sellable_product (
    product_id     UUID         NOT NULL PRIMARY KEY,
    sku            VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    price_minor    BIGINT       NOT NULL CHECK (price_minor >= 0),
    currency       CHAR(3)      NOT NULL,
    -- units on hand not yet shipped; NULL: unlimited
    stock          BIGINT       CHECK (stock >= 0),
    -- units held by placed orders, not yet shipped
    reserved       BIGINT       NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    archived       BOOLEAN      NOT NULL DEFAULT false,
    -- grows by one with every change of stock or reserved: events carry it (StockLevel.sequence)
    level_sequence BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT never_oversold CHECK (stock IS NULL OR reserved <= stock)
);

CREATE TABLE promotion_terms (
    promotion_id       UUID        NOT NULL PRIMARY KEY,
    code               VARCHAR(32) UNIQUE,
    kind               VARCHAR(16) NOT NULL,
    value              BIGINT      NOT NULL CHECK (value > 0),
    currency           CHAR(3),
    valid_from         TIMESTAMPTZ,
    valid_until        TIMESTAMPTZ,
    minimum_minor      BIGINT,
    minimum_currency   CHAR(3),
    per_customer_limit INT         CHECK (per_customer_limit > 0),
    total_limit        INT         CHECK (total_limit > 0),
    automatic          BOOLEAN     NOT NULL,
    used               INT         NOT NULL DEFAULT 0 CHECK (used >= 0),
    CONSTRAINT within_total_limit CHECK (total_limit IS NULL OR used <= total_limit)
);
CREATE INDEX promotion_terms_automatic ON promotion_terms (promotion_id) WHERE automatic;

CREATE TABLE promotion_customer_use (
    promotion_id UUID NOT NULL REFERENCES promotion_terms (promotion_id),
    customer_id  UUID NOT NULL,
    used         INT  NOT NULL CHECK (used >= 0),
    PRIMARY KEY (promotion_id, customer_id)
);
