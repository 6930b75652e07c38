-- Erasure leaves a tombstone instead of deleting the row: no key is ever made for an erased person
-- again, so an event of theirs that arrives later stores no personal data rather than data under a
-- fresh key that their erasure never reached.
ALTER TABLE personal_data_key ALTER COLUMN wrapped_key DROP NOT NULL;
ALTER TABLE personal_data_key ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE personal_data_key ADD CONSTRAINT personal_data_key_erased_has_no_key
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL));
