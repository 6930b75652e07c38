-- The last receipt number given out per calendar year (UTC). Taken by the capture command in its own
-- transaction: a capture that rolls back gives its number back, so numbers have no gaps.
CREATE TABLE receipt_counter (
    year        INTEGER NOT NULL PRIMARY KEY,
    last_number BIGINT  NOT NULL
);
