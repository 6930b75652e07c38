package dev.keel.command.account;

import dev.keel.api.account.AccountId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The credential store, in memory, for aggregate fixtures. */
final class InMemoryCredentials implements Credentials {

    final Map<AccountId, String> hashes = new HashMap<>();

    @Override
    public void set(AccountId accountId, String passwordHash) {
        hashes.put(accountId, passwordHash);
    }

    @Override
    public Optional<String> passwordHash(AccountId accountId) {
        return Optional.ofNullable(hashes.get(accountId));
    }

    @Override
    public void remove(AccountId accountId) {
        hashes.remove(accountId);
    }
}
