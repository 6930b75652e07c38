-- Mailed links carry a signed token (dev.keel.api.account.LinkTokens) that the command side checks
-- without a stored row, so the mail works before the mailer's transaction commits. The table of
-- token hashes goes; links mailed before this migration stop working (ask for a new one).
DROP TABLE IF EXISTS one_time_token;
