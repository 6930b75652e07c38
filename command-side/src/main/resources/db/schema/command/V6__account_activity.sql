-- When each account was last used (signed up, signed in, refreshed a session), written by the Account
-- aggregate in the command's transaction, so accounts unused for longer than the dormant-account
-- retention can be found and erased. Accounts from before this table count from the upgrade.
CREATE TABLE account_activity (
    account_id     UUID        NOT NULL PRIMARY KEY,
    last_active_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_activity_last_active_at ON account_activity (last_active_at);

INSERT INTO account_activity (account_id, last_active_at)
SELECT account_id, now() FROM account_credential
UNION
SELECT account_id, now() FROM refresh_token
ON CONFLICT DO NOTHING;

-- An erased account gives up its claims (its email's blind index): found by owner.
CREATE INDEX unique_claim_owner ON unique_claim (owner_id);
