package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SignInMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A login whose password (or Firebase token) was checked already; starts a session if it matched.
 *
 * @param proved           whether the password or token matched
 * @param refreshTokenHash the SHA-256 of the refresh token handed out if the session starts
 */
public record RecordLogin(@TargetAggregateIdentifier AccountId accountId, boolean proved, SignInMethod method,
                          SessionId sessionId, String deviceId, String refreshTokenHash, Instant at,
                          Instant expiresAt) {
    @Override
    public String toString() {
        return "RecordLogin[" + accountId + ", proved=" + proved + "]";
    }
}
