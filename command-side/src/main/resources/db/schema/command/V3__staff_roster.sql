-- The accounts that hold STAFF, kept by the Account aggregate in the command's transaction, so that
-- the last one cannot lose the role (a rule about the whole set that no single account can check).
-- STAFF granted before this table existed is recorded when it is granted again (granting is idempotent);
-- the account of KEEL_ADMIN_EMAIL is on every start.
CREATE TABLE staff_account (
    account_id UUID        NOT NULL PRIMARY KEY,
    added_at   TIMESTAMPTZ NOT NULL
);
