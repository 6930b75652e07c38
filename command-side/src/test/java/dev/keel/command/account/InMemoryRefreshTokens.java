package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The refresh-token store, in memory, for aggregate fixtures. */
final class InMemoryRefreshTokens implements RefreshTokens {

    final Map<String, Stored> issued = new HashMap<>();
    final List<String> rotated = new ArrayList<>();

    @Override
    public Optional<Stored> find(String tokenHash) {
        return Optional.ofNullable(issued.get(tokenHash))
                .map(stored -> new Stored(stored.accountId(), stored.sessionId(), rotated.contains(tokenHash)));
    }

    @Override
    public void issue(String tokenHash, AccountId accountId, SessionId sessionId, Instant expiresAt) {
        issued.put(tokenHash, new Stored(accountId, sessionId, false));
    }

    @Override
    public void rotate(String tokenHash) {
        rotated.add(tokenHash);
    }

    @Override
    public void forgetAll(AccountId accountId) {
        issued.values().removeIf(stored -> stored.accountId().equals(accountId));
    }
}
