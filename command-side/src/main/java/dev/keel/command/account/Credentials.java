package dev.keel.command.account;

import dev.keel.api.account.AccountId;

import java.util.Optional;

/**
 * Password hashes, kept apart from events. Writes happen inside the command's transaction, so a
 * refused command leaves the old hash in place.
 */
public interface Credentials {

    void set(AccountId accountId, String passwordHash);

    Optional<String> passwordHash(AccountId accountId);

    /** Deletes the hash: the account can never sign in with a password again (erasure). */
    void remove(AccountId accountId);
}
