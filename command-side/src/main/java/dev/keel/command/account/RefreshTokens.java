package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;

import java.time.Instant;
import java.util.Optional;

/**
 * The SHA-256 of each refresh token handed out, the session it belongs to, and whether it was
 * rotated already. A rotated token is kept until its session expires, so presenting it again is
 * recognised as reuse.
 */
public interface RefreshTokens {

    /** What is known about a presented token. */
    record Stored(AccountId accountId, SessionId sessionId, boolean rotated) {
    }

    /**
     * Inside a command's transaction this holds the token until the transaction ends, so two
     * refreshes with one token take turns and the second sees the first's rotation.
     */
    Optional<Stored> find(String tokenHash);

    void issue(String tokenHash, AccountId accountId, SessionId sessionId, Instant expiresAt);

    void rotate(String tokenHash);

    /** Forgets every token of the account (erasure); none of them refreshes a session again. */
    void forgetAll(AccountId accountId);
}
